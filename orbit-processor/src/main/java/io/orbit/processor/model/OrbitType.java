package io.orbit.processor.model;

import java.util.List;

/**
 * The model of one {@code @OrbitTyped} record: everything the writers need, free of
 * {@code javax.lang.model} so that another front end (a Kotlin symbol processor, a test) can build it.
 *
 * @param name          the record's name.
 * @param kind          the ring KIND as declared (validated separately).
 * @param capacity      slots per lane as declared (validated separately).
 * @param topology      how writers share the ring.
 * @param fields        the components in declaration order, laid out.
 * @param encodedLength bytes of one encoded value, padded to {@code alignment}.
 * @param alignment     the largest field alignment, at least 1.
 */
public record OrbitType(
    JavaName name,
    int kind,
    int capacity,
    Topology topology,
    List<OrbitField> fields,
    long encodedLength,
    int alignment)
{
    /**
     * Copies the field list.
     */
    public OrbitType
    {
        fields = List.copyOf(fields);
    }

    /**
     * @return the exact text hashed into {@link #fingerprint()}; see {@link Fingerprint}.
     */
    public String fingerprintInput()
    {
        return Fingerprint.input(fields);
    }

    /**
     * @return the 64-bit FNV-1a layout fingerprint.
     */
    public long fingerprint()
    {
        return Fingerprint.fnv1a64(fingerprintInput());
    }

    /**
     * @return the generated codec's name, {@code XCodec} in X's package.
     */
    public JavaName codecName()
    {
        return name.companion("Codec");
    }

    /**
     * @return the generated accessor's name, {@code XOrbital} in X's package.
     */
    public JavaName orbitalName()
    {
        return name.companion("Orbital");
    }
}
