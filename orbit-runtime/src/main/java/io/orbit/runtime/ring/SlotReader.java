package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import org.agrona.concurrent.AtomicBuffer;

import java.lang.invoke.VarHandle;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * The seqlock read of one slot, and the head reads built on it; shared by {@link Ring}'s read
 * methods and every {@link RingCursor} of the ring. Stateless apart from the ring's memory and the
 * handle's thread-safe {@link LaneRecency}, so one instance serves all threads.
 */
final class SlotReader
{
    /** The frame was delivered into the view. */
    static final int READY = 0;
    /** A later lap's writer owns the slot. */
    static final int OVERWRITTEN = 1;
    /** The counter's writer stamped it odd and has not committed. */
    static final int IN_FLIGHT = 2;
    /** The counter has not been claimed into the slot yet (or kept changing under the reader). */
    static final int NOT_YET = 3;
    /** The slot carries the counter's committed stamp but not its id, KIND or a fitting length. */
    static final int CORRUPT = 4;

    /** Internal: the stamp changed during one attempt. */
    private static final int TORN = -1;
    private static final int READ_ATTEMPTS = 4;
    private static final int HEAD_ATTEMPTS = 4;

    private final RingSlots slots;
    private final AtomicBuffer buffer;
    private final int kind;
    private final int capacity;
    private final int payloadCapacity;
    private final LaneRecency recency;

    SlotReader(final RingSlots slots)
    {
        this.slots = slots;
        this.buffer = slots.buffer;
        this.kind = slots.kind;
        this.capacity = slots.capacity;
        this.payloadCapacity = slots.payloadCapacity;
        this.recency = new LaneRecency(slots.laneCount);
    }

    /**
     * @return a lane's head (acquire): for PER_NODE the count of committed frames, for SHARED the
     *         count of claimed counters.
     */
    long head(final int lane)
    {
        return buffer.getLongAcquire(RingSlots.headOffset(lane));
    }

    /**
     * The seqlock read of one counter: stamp (acquire), fields and payload, load-load fence, stamp
     * again; a frame is delivered only when both stamps equal {@code 2c+2}, the id carries the
     * counter (mod 2^40) and the KIND, and the length fits. Torn reads are retried, then classified.
     *
     * @return one of {@link #READY}, {@link #OVERWRITTEN}, {@link #IN_FLIGHT}, {@link #NOT_YET}, {@link #CORRUPT}.
     */
    int read(final int lane, final long counter, final FrameView into, final boolean copyPayload)
    {
        final int outcome = attempt(slots.slotOffset(lane, counter), lane, counter, into, copyPayload);
        return outcome != TORN ? outcome : retry(lane, counter, into, copyPayload);
    }

    /** A read the writer tore: tried again a few times, then classified by the stamp. Kept apart so {@link #read} stays small. */
    private int retry(final int lane, final long counter, final FrameView into, final boolean copyPayload)
    {
        final int slot = slots.slotOffset(lane, counter);
        for (int attempt = 1; attempt < READ_ATTEMPTS; attempt++)
        {
            final int outcome = attempt(slot, lane, counter, into, copyPayload);
            if (outcome != TORN)
            {
                return outcome;
            }
        }
        final long committed = 2 * counter + 2;
        final long stamp = buffer.getLongAcquire(slot + STAMP_OFFSET);
        return stamp == committed ? NOT_YET : classify(stamp, committed);
    }

    /** One seqlock read; {@link #TORN} when the stamp changed under it. */
    private int attempt(final int slot, final int lane, final long counter, final FrameView into, final boolean copyPayload)
    {
        final long committed = 2 * counter + 2;
        final long s1 = buffer.getLongAcquire(slot + STAMP_OFFSET); // field reads below cannot move above this
        if (s1 != committed)
        {
            return classify(s1, committed);
        }
        final long id = buffer.getLong(slot + ID_OFFSET);
        final long version = buffer.getLong(slot + FRAME_VERSION_OFFSET);
        final int length = buffer.getInt(slot + PAYLOAD_LENGTH_OFFSET);
        final int frameKind = buffer.getByte(slot + FRAME_KIND_OFFSET) & 0xFF;
        final boolean lengthFits = length >= 0 && length <= payloadCapacity;
        if (copyPayload && lengthFits)
        {
            into.payloadBuffer().putBytes(0, buffer, slot + PAYLOAD_OFFSET, length);
        }
        VarHandle.loadLoadFence(); // field and payload reads complete before the stamp is read again
        if (buffer.getLongOpaque(slot + STAMP_OFFSET) != s1)
        {
            return TORN;
        }
        if (!lengthFits || NetId64.kind(id) != kind || !NetId64.counterMatches(id, counter))
        {
            return CORRUPT;
        }
        into.set(id, version, frameKind, copyPayload ? length : 0, lane, counter);
        return READY;
    }

    /**
     * Whether a counter the caller delivered earlier no longer holds that frame: its slot's stamp fell
     * below the counter's committed stamp (stamps only grow, except when a reset zeroes them), or the
     * counter was committed again with another (well-formed) id or version. A slot lapped since (a
     * higher stamp) or damaged shows nothing. No retry: a stamp that moved during the read is judged by
     * where it moved.
     *
     * @return true when the slot shows a reset.
     */
    boolean replaced(final int lane, final long counter, final long id, final long version)
    {
        final int slot = slots.slotOffset(lane, counter);
        final long committed = 2 * counter + 2;
        final long s1 = buffer.getLongAcquire(slot + STAMP_OFFSET); // id and version reads below cannot move above this
        if (s1 != committed)
        {
            return s1 < committed;
        }
        final long slotId = buffer.getLong(slot + ID_OFFSET);
        final long slotVersion = buffer.getLong(slot + FRAME_VERSION_OFFSET);
        VarHandle.loadLoadFence(); // id and version reads complete before the stamp is read again
        final long s2 = buffer.getLongOpaque(slot + STAMP_OFFSET);
        if (s2 != s1)
        {
            return s2 < committed;
        }
        return (slotId != id || slotVersion != version) && NetId64.kind(slotId) == kind && NetId64.counterMatches(slotId, counter);
    }

    private static int classify(final long stamp, final long committed)
    {
        if (stamp > committed)
        {
            return OVERWRITTEN;
        }
        return stamp == committed - 1 ? IN_FLIGHT : NOT_YET;
    }

    /** The id currently in a counter's slot (for deciding whether its writer is dead). */
    long slotId(final int lane, final long counter)
    {
        return buffer.getLongVolatile(slots.slotOffset(lane, counter) + ID_OFFSET);
    }

    /**
     * Reads the newest committed frame of one lane (never a stale slot from an earlier lap).
     *
     * @return true when the lane holds a committed frame.
     */
    boolean readLaneHead(final int lane, final FrameView into, final boolean copyPayload)
    {
        for (int attempt = 0; attempt < HEAD_ATTEMPTS; attempt++)
        {
            final long head = head(lane);
            final long floor = Math.max(0, head - capacity);
            boolean lapped = false;
            for (long counter = head - 1; counter >= floor && !lapped; counter--)
            {
                final int outcome = read(lane, counter, into, copyPayload);
                if (outcome == READY)
                {
                    return true;
                }
                lapped = outcome == OVERWRITTEN; // the head moved on: start again from the new head
            }
            if (!lapped)
            {
                return false;
            }
        }
        return false;
    }

    /**
     * Reads the newest committed frame of the ring: for one lane the newest of it, else the lane
     * head with the highest {@code version} (ties go to the lower lane); a version-0 head is ordered
     * by when this handle saw its lane change instead ({@link LaneRecency}).
     *
     * @return true when the ring holds a committed frame.
     */
    boolean readHead(final FrameView into)
    {
        final int laneCount = slots.laneCount;
        if (laneCount == 1)
        {
            return readLaneHead(0, into, true);
        }
        for (int attempt = 0; attempt < HEAD_ATTEMPTS; attempt++)
        {
            int bestLane = -1;
            long bestVersion = 0;
            long bestCounter = 0;
            long callTick = 0;
            for (int lane = 0; lane < laneCount; lane++)
            {
                if (readLaneHead(lane, into, false))
                {
                    callTick = recency.note(lane, into.counter(), callTick);
                    if (bestLane < 0 || recency.newer(into.version(), lane, bestVersion, bestLane))
                    {
                        bestLane = lane;
                        bestVersion = into.version();
                        bestCounter = into.counter();
                    }
                }
            }
            if (bestLane < 0)
            {
                return false;
            }
            if (read(bestLane, bestCounter, into, true) == READY)
            {
                return true;
            }
        }
        return false;
    }
}
