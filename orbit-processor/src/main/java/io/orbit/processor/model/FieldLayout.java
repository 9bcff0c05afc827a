package io.orbit.processor.model;

/**
 * The layout of one record component: its kind, size, alignment and the type token that enters the
 * layout fingerprint.
 */
public sealed interface FieldLayout permits PrimitiveLayout, EnumLayout, StringLayout, ArrayLayout, RecordLayout
{
    /**
     * @return the layout kind.
     */
    LayoutKind kind();

    /**
     * @return encoded bytes; a long so that oversize layouts can be represented and rejected.
     */
    long size();

    /**
     * @return alignment in bytes, a power of two.
     */
    int alignment();

    /**
     * @return the type token of the fingerprint input, e.g. {@code int}, {@code enum8},
     * {@code utf8[16]}, {@code int[4]}, {@code record}.
     */
    String token();

    /**
     * @return a short human description for the generated offset table, e.g. {@code int[4]}.
     */
    String description();

    /**
     * @return the {@code @Length} value, or 0 when the kind takes none.
     */
    default int length()
    {
        return 0;
    }
}
