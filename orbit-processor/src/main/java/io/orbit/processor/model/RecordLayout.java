package io.orbit.processor.model;

/**
 * A nested {@code @OrbitTyped} record, inline: its encoded length, aligned to its largest field
 * alignment. Its components enter the enclosing record's fingerprint through its signature; a nested
 * record is laid out whole (all its versions), so growing it changes the enclosing record's layout.
 *
 * @param type the nested record's model.
 */
public record RecordLayout(OrbitType type) implements FieldLayout
{
    @Override
    public LayoutKind kind()
    {
        return LayoutKind.RECORD;
    }

    @Override
    public long size()
    {
        return type.encodedLength();
    }

    @Override
    public int alignment()
    {
        return type.alignment();
    }

    /**
     * @return {@code record{...}} with the nested components' signatures in order, e.g.
     * {@code record{int,long}}: with C layout rules they fix every nested offset.
     */
    @Override
    public String signature()
    {
        return type.fields().stream().map(field -> field.layout().signature())
            .collect(java.util.stream.Collectors.joining(",", "record{", "}"));
    }

    @Override
    public String description()
    {
        return type.name().simpleName();
    }
}
