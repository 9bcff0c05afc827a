package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import org.agrona.concurrent.AtomicBuffer;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * Where a ring's lane heads and slots lie in its memory ({@link RingLayout}), shared by the ring's
 * writer, its {@link SlotReader} and its reset.
 */
final class RingSlots
{
    final AtomicBuffer buffer;
    final int kind;
    final int fleetSize;
    final int laneCount;
    final int capacity;
    final int stride;
    final int payloadCapacity;
    final int slotsOffset;
    private final long mask;

    RingSlots(final AtomicBuffer buffer, final RingSpec spec, final int fleetSize, final int laneCount)
    {
        this.buffer = buffer;
        this.kind = spec.kind();
        this.fleetSize = fleetSize;
        this.laneCount = laneCount;
        this.capacity = spec.capacity();
        this.mask = capacity - 1L;
        this.stride = spec.slotStride();
        this.payloadCapacity = spec.payloadCapacity();
        this.slotsOffset = RingLayout.slotsOffset(laneCount);
    }

    /**
     * @return offset of the slot that holds a counter of a lane.
     */
    int slotOffset(final int lane, final long counter)
    {
        return (int)(slotsOffset + ((long)lane * capacity + (counter & mask)) * stride);
    }

    /**
     * @return offset of a lane's {@code write_pos}.
     */
    static int headOffset(final int lane)
    {
        return laneHeaderOffset(lane) + WRITE_POS_OFFSET;
    }

    /** Whether a slot's id field names the writer of this counter (its id is written first). */
    boolean ownsSlot(final long id, final long counter)
    {
        return NetId64.kind(id) == kind && NetId64.counterMatches(id, counter) && NetId64.node(id) < fleetSize;
    }
}
