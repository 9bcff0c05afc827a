package io.orbit.processor.model;

/**
 * One laid-out record component.
 *
 * @param name   the component name.
 * @param layout how it is encoded.
 * @param offset its offset from the start of the enclosing record's encoding.
 */
public record OrbitField(String name, FieldLayout layout, long offset)
{
    /**
     * @return the layout kind.
     */
    public LayoutKind kind()
    {
        return layout.kind();
    }

    /**
     * @return encoded bytes.
     */
    public long size()
    {
        return layout.size();
    }

    /**
     * @return alignment in bytes.
     */
    public int alignment()
    {
        return layout.alignment();
    }

    /**
     * @return the {@code @Length} value, 0 when the kind takes none.
     */
    public int length()
    {
        return layout.length();
    }

    /**
     * @return the first offset after the field.
     */
    public long end()
    {
        return offset + layout.size();
    }
}
