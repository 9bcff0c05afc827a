package io.orbit.processor.model;

/**
 * One laid-out record component.
 *
 * @param name   the component name.
 * @param layout how it is encoded.
 * @param offset its offset from the start of the enclosing record's encoding.
 * @param since  the layout version that added it ({@code @Since}, 1 without); validated separately.
 */
public record OrbitField(String name, FieldLayout layout, long offset, int since)
{
    /**
     * A version-1 component.
     *
     * @param name   the component name.
     * @param layout how it is encoded.
     * @param offset its offset.
     */
    public OrbitField(final String name, final FieldLayout layout, final long offset)
    {
        this(name, layout, offset, 1);
    }

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

    /**
     * @return true for a component added after version 1, which older frames lack.
     */
    public boolean versioned()
    {
        return since > 1;
    }

    /**
     * @return {@code signature:offset:size}: what the bytes are, without the name or version.
     */
    public String bytes()
    {
        return layout.signature() + ":" + offset + ":" + size();
    }

    /**
     * @return the runtime descriptor {@code name:signature:offset:size@since}, e.g. {@code busy:int:0:4@1}.
     */
    public String descriptor()
    {
        return name + ":" + bytes() + "@" + since;
    }
}
