package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import org.agrona.concurrent.AtomicBuffer;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * Test-only access to a ring's insides through its package-private seam ({@link Ring#slots()},
 * {@link Ring#writer()}, {@link Ring#reader()}): raw memory for tests that play a writer frozen
 * mid-write or damage a slot (offsets of docs/spec.md §3.3), a publish that never commits, and the
 * seqlock read with its outcome. Production code has none of these.
 */
public final class RingTestHooks
{
    /** Outcome of {@link #readSlot}: delivered. */
    public static final int READY = SlotReader.READY;
    /** Outcome of {@link #readSlot}: stamped odd, not committed. */
    public static final int IN_FLIGHT = SlotReader.IN_FLIGHT;

    private RingTestHooks()
    {
    }

    /** @return the ring's raw memory (the mapped file or the process-local buffer). */
    public static AtomicBuffer memory(final Ring ring)
    {
        return ring.slots().buffer;
    }

    /** @return offset of the slot that holds a counter of a lane. */
    public static int slotOffset(final Ring ring, final int lane, final long counter)
    {
        return ring.slots().slotOffset(lane, counter);
    }

    public static long stamp(final Ring ring, final int lane, final long counter)
    {
        return memory(ring).getLongVolatile(slotOffset(ring, lane, counter) + STAMP_OFFSET);
    }

    public static void putStamp(final Ring ring, final int lane, final long counter, final long stamp)
    {
        memory(ring).putLongRelease(slotOffset(ring, lane, counter) + STAMP_OFFSET, stamp);
    }

    public static long id(final Ring ring, final int lane, final long counter)
    {
        return memory(ring).getLongVolatile(slotOffset(ring, lane, counter) + ID_OFFSET);
    }

    public static void putId(final Ring ring, final int lane, final long counter, final long id)
    {
        memory(ring).putLongVolatile(slotOffset(ring, lane, counter) + ID_OFFSET, id);
    }

    public static void putPayloadLength(final Ring ring, final int lane, final long counter, final int length)
    {
        memory(ring).putIntVolatile(slotOffset(ring, lane, counter) + PAYLOAD_LENGTH_OFFSET, length);
    }

    /** Sets a lane's head, for counter arithmetic near 2^40 and for playing a claimed-not-stamped writer. */
    public static void forceLaneHead(final Ring ring, final int lane, final long head)
    {
        memory(ring).putLongRelease(laneHeaderOffset(lane) + WRITE_POS_OFFSET, head);
    }

    /**
     * Claims a counter, stamps it odd and writes the frame, but never commits, as a writer that stops
     * (or dies) between its stamp and its commit.
     *
     * @return the id of the frame left in flight.
     */
    public static long publishWithoutCommit(final Ring ring, final int frameKind, final long version, final byte[] payload)
    {
        if (payload.length > ring.payloadCapacity())
        {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes does not fit " + ring);
        }
        final LaneWriter writer = ring.writer();
        final long counter = writer.claim();
        try
        {
            final int slot = writer.beginFrame(counter, frameKind, version, payload.length);
            if (slot >= 0)
            {
                memory(ring).putBytes(slot + PAYLOAD_OFFSET, payload);
            }
            return NetId64.make(ring.kind(), ring.selfNode(), counter);
        }
        finally
        {
            writer.releaseClaim();
        }
    }

    /** The seqlock read of one counter, copying the payload; one of the {@code SlotReader} outcomes. */
    public static int readSlot(final Ring ring, final int lane, final long counter, final FrameView into)
    {
        return ring.reader().read(lane, counter, into, true);
    }

    /** @return the id currently in a counter's slot. */
    public static long slotId(final Ring ring, final int lane, final long counter)
    {
        return ring.reader().slotId(lane, counter);
    }
}
