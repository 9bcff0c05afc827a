package io.orbit.processor.model;

import java.util.List;

/**
 * The model of one {@code @OrbitTyped} record: everything the writers need, free of
 * {@code javax.lang.model} so that another front end (a Kotlin symbol processor, a test) can build it.
 *
 * @param name                    the record's name.
 * @param kind                    the ring KIND as declared (validated separately).
 * @param capacity                slots per lane as declared (validated separately).
 * @param topology                how writers share the ring.
 * @param fields                  the components in declaration order, laid out, every version.
 * @param encodedLength           bytes of one encoded value of this version, padded to {@code alignment}.
 * @param alignment               the largest field alignment, at least 1.
 * @param declaredPayloadCapacity {@code @OrbitTyped(payloadCapacity)} as declared, {@link #DEFAULT_PAYLOAD_CAPACITY}
 *                                for the default (validated separately).
 */
public record OrbitType(
    JavaName name,
    int kind,
    int capacity,
    Topology topology,
    List<OrbitField> fields,
    long encodedLength,
    int alignment,
    int declaredPayloadCapacity)
{
    /** {@code @OrbitTyped(payloadCapacity = -1)}: use {@link #defaultPayloadCapacity()}. */
    public static final int DEFAULT_PAYLOAD_CAPACITY = -1;
    /** Bytes of a ring slot's header, before the payload. */
    public static final int SLOT_HEADER_LENGTH = 32;
    /** Ring slots start at multiples of this. */
    public static final int SLOT_ALIGNMENT = 64;

    /**
     * Copies the field list.
     */
    public OrbitType
    {
        fields = List.copyOf(fields);
    }

    /**
     * @return the highest {@code @Since} of the components, 1 if none is higher.
     */
    public int layoutVersion()
    {
        int version = 1;
        for (final OrbitField field : fields)
        {
            version = Math.max(version, field.since());
        }
        return version;
    }

    /**
     * @return bytes of an encoded value of version 1 alone: the version-1 components padded to
     * their largest alignment (the C layout of the record without its later components).
     */
    public long versionOneLength()
    {
        long end = 0;
        int versionOneAlignment = 1;
        for (final OrbitField field : fields)
        {
            if (!field.versioned())
            {
                end = Math.max(end, field.end());
                versionOneAlignment = Math.max(versionOneAlignment, field.alignment());
            }
        }
        return LayoutCalculator.alignUp(end, versionOneAlignment);
    }

    /**
     * @return the payload capacity used when none is declared: the room a slot has anyway for
     * version 1, {@code roundUp(32 + versionOneLength, 64) - 32}.
     */
    public long defaultPayloadCapacity()
    {
        return LayoutCalculator.alignUp(SLOT_HEADER_LENGTH + versionOneLength(), SLOT_ALIGNMENT) - SLOT_HEADER_LENGTH;
    }

    /**
     * @return true when {@code payloadCapacity} is declared rather than defaulted.
     */
    public boolean payloadCapacityDeclared()
    {
        return declaredPayloadCapacity != DEFAULT_PAYLOAD_CAPACITY;
    }

    /**
     * @return payload bytes of each slot of the ring: the declared value, else the default.
     */
    public long payloadCapacity()
    {
        return payloadCapacityDeclared() ? declaredPayloadCapacity : defaultPayloadCapacity();
    }

    /**
     * @return the exact text hashed into {@link #fingerprint()}; see {@link Fingerprint}.
     */
    public String fingerprintInput()
    {
        return Fingerprint.input(fields);
    }

    /**
     * @return the 64-bit FNV-1a base layout fingerprint, over the version-1 components.
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
