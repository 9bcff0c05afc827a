package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.InvalidRingSpecException;

/**
 * Everything that fixes a ring's layout: KIND, slots per lane, payload bytes per slot, topology,
 * and the layout fingerprint of the record type stored in it (0 when unspecified); plus whether its
 * publishers wake blocked subscribers ({@link Notify}, not part of the layout). Every process that
 * uses a KIND must declare the same spec; the segment header carries the layout and attachers check it.
 *
 * @param kind            ring KIND, 0..255 (user types 1..199).
 * @param capacity        slots per lane, a positive power of two.
 * @param payloadCapacity payload bytes per slot, 0 or more.
 * @param topology        {@link Topology#PER_NODE} or {@link Topology#SHARED}.
 * @param fingerprint     64-bit layout hash of the stored type, or 0 for unspecified.
 * @param notifyMode      whether publishers wake subscribers blocked in {@code await}.
 */
public record RingSpec(int kind, int capacity, int payloadCapacity, Topology topology, long fingerprint, Notify notifyMode)
{
    /** Default slots per lane. */
    public static final int DEFAULT_CAPACITY = 1024;

    /**
     * Validates the spec.
     *
     * @throws InvalidRingSpecException naming the KIND and the broken limit.
     */
    public RingSpec
    {
        if (kind < 0 || kind > 255)
        {
            throw new InvalidRingSpecException("ring KIND must be 0..255, was " + kind);
        }
        if (capacity <= 0 || Integer.bitCount(capacity) != 1)
        {
            throw new InvalidRingSpecException("ring KIND " + kind + ": capacity must be a positive power of two, was " + capacity);
        }
        if (payloadCapacity < 0 || payloadCapacity > RingLayout.MAX_PAYLOAD_CAPACITY)
        {
            throw new InvalidRingSpecException("ring KIND " + kind + ": payload capacity must be 0.."
                + RingLayout.MAX_PAYLOAD_CAPACITY + ", was " + payloadCapacity);
        }
        if (topology == null)
        {
            throw new InvalidRingSpecException("ring KIND " + kind + ": topology is required");
        }
        if (notifyMode == null)
        {
            throw new InvalidRingSpecException("ring KIND " + kind + ": notifyMode is required (Notify.NONE for none)");
        }
    }

    /**
     * A spec whose publishers do not notify ({@link Notify#NONE}), as 0.1.0 specs (and generated codecs) declare them.
     *
     * @param kind            ring KIND, 0..255 (user types 1..199).
     * @param capacity        slots per lane, a positive power of two.
     * @param payloadCapacity payload bytes per slot, 0 or more.
     * @param topology        {@link Topology#PER_NODE} or {@link Topology#SHARED}.
     * @param fingerprint     64-bit layout hash of the stored type, or 0 for unspecified.
     */
    public RingSpec(final int kind, final int capacity, final int payloadCapacity, final Topology topology, final long fingerprint)
    {
        this(kind, capacity, payloadCapacity, topology, fingerprint, Notify.NONE);
    }

    /**
     * @param mode how publishers of this ring wake blocked subscribers.
     * @return this spec with that mode.
     */
    public RingSpec withNotify(final Notify mode)
    {
        return new RingSpec(kind, capacity, payloadCapacity, topology, fingerprint, mode);
    }

    /**
     * @param kind            ring KIND.
     * @param capacity        slots per lane.
     * @param payloadCapacity payload bytes per slot.
     * @return a {@link Topology#PER_NODE} spec without fingerprint.
     */
    public static RingSpec perNode(final int kind, final int capacity, final int payloadCapacity)
    {
        return new RingSpec(kind, capacity, payloadCapacity, Topology.PER_NODE, 0L);
    }

    /**
     * @param kind            ring KIND.
     * @param capacity        slots per lane.
     * @param payloadCapacity payload bytes per slot.
     * @return a {@link Topology#SHARED} spec without fingerprint.
     */
    public static RingSpec shared(final int kind, final int capacity, final int payloadCapacity)
    {
        return new RingSpec(kind, capacity, payloadCapacity, Topology.SHARED, 0L);
    }

    /**
     * @return bytes per slot: the 32-byte slot header plus the payload, rounded up to 64.
     */
    public int slotStride()
    {
        return RingLayout.slotStride(payloadCapacity);
    }

    /**
     * @param fleetSize nodes of the fleet.
     * @return bytes of the segment of this ring in a fleet of that size.
     */
    public long segmentLength(final int fleetSize)
    {
        return RingLayout.segmentLength(topology.laneCount(fleetSize), capacity, slotStride());
    }

    @Override
    public String toString()
    {
        return "RingSpec{kind=" + kind + ", capacity=" + capacity + ", payloadCapacity=" + payloadCapacity
            + ", topology=" + topology + ", fingerprint=0x" + Long.toHexString(fingerprint) + ", notifyMode=" + notifyMode + "}";
    }
}
