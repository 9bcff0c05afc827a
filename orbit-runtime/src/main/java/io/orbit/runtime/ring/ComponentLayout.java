package io.orbit.runtime.ring;

/**
 * What the header of a typed ring records about the record stored in it, so processes built with
 * different versions of the record can share the ring (docs/spec.md §3.3, "Versioned typed rings"):
 * the record's layout version (header offset 60, raised to the highest version that attached) and
 * one signature byte per component (lane 0 header bytes 8..63, the first
 * {@value RingLayout#SIGNATURE_CAPACITY} components). Generated codecs supply one as
 * {@code io.orbit.runtime.codec.RecordLayout}.
 */
public interface ComponentLayout
{
    /**
     * @return the layout version: the highest version that added a component, 1 when none did.
     */
    int version();

    /**
     * @return the components, in layout order.
     */
    int componentCount();

    /**
     * @param index component index.
     * @return the component's descriptor {@code name:type:offset:size@since}, for messages.
     */
    String component(int index);

    /**
     * @param index component index.
     * @return the component's signature byte, 1..255 (0 means "no component" in the header); it
     *         depends on the component's type, offset and size only, never on its name.
     */
    int signature(int index);
}
