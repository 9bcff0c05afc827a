package io.orbit.processor.model;

/**
 * The layout of one record component: its kind, size, alignment and the signature that enters the
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
     * @return what the component's bytes are made of, without its name: the type text of the
     * fingerprint, of the generated layout descriptors and of the layout lock, e.g. {@code int},
     * {@code utf8[16]}, {@code int[4]}, {@code enum8{QUEUED,RUNNING}}, {@code record{int,long}}.
     * Never contains {@code :}, {@code @} or a space.
     */
    String signature();

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
