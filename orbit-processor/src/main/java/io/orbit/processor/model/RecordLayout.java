package io.orbit.processor.model;

/**
 * A nested {@code @OrbitTyped} record, inline: its encoded length, aligned to its largest field
 * alignment. Its fields enter the enclosing record's fingerprint with dotted names.
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

    @Override
    public String token()
    {
        return "record";
    }

    @Override
    public String description()
    {
        return type.name().simpleName();
    }
}
