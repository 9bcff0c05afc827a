package io.orbit.runtime.ring;

import java.util.Arrays;

/**
 * Reads the newest committed frame of PER_NODE lanes the way a reader that waits for the next
 * frame should: it remembers the last counter {@code c} it delivered per lane and looks at the stamp
 * of the slot where counter {@code c+1} will land, touching the lane head only when that probe
 * cannot decide. A spinning reader then keeps to the one slot line the writer writes next, instead
 * of pulling the lane-head line, which the writer also writes on every frame, across cores on every
 * poll (that cost about half of a typed round trip).
 *
 * <p>Every frame delivered is read and validated as {@link Ring#readAt} reads it (stamp {@code 2c+2}
 * before and after the copy, id counter {@code == c mod 2^40}, KIND, length), so a torn frame or a
 * slot left from an earlier lap is never delivered. Why the probe decides:
 * <ul>
 *   <li>a PER_NODE lane has one writer, which commits its counters in order, so when slot
 *       {@code c+1} is not committed no later counter is, and when slot {@code c} still holds
 *       counter {@code c} (a reset zeroes it) that frame is the newest committed one;</li>
 *   <li>when slot {@code c+1} holds a newer lap (this reader fell a lap behind), the lane head
 *       decides, as it does for the first read of a lane;</li>
 *   <li>a slot damaged in place can hide newer frames from the probe, so every
 *       {@value #HEAD_CHECK_INTERVAL}th undecided call reads the head anyway.</li>
 * </ul>
 *
 * <p>Not thread-safe: one follower per reading thread. Allocates nothing after construction.
 */
public final class LaneFollower
{
    /** Calls that find nothing new between two reads of the lane head (bounds what a damaged slot can hide). */
    static final int HEAD_CHECK_INTERVAL = 256;
    /** Counters probed forward past a new frame before the head is asked instead. */
    private static final int CHASE_LIMIT = 8;

    private final Ring ring;
    private final SlotReader reader;
    private final long[] last;
    private final long[] lastId;
    private final int[] sinceHeadCheck;
    private final FrameView probe;

    /**
     * @param ring a PER_NODE ring (a SHARED lane interleaves every node's frames: read it with {@link Ring#readLaneHead}).
     */
    public LaneFollower(final Ring ring)
    {
        if (ring.spec().topology() != Topology.PER_NODE)
        {
            throw new IllegalArgumentException("a lane follower needs a PER_NODE ring; ring KIND " + ring.kind() + " is "
                + ring.spec().topology());
        }
        this.ring = ring;
        this.reader = ring.reader();
        this.last = new long[ring.laneCount()];
        this.lastId = new long[ring.laneCount()];
        this.sinceHeadCheck = new int[ring.laneCount()];
        this.probe = ring.newFrameView();
        Arrays.fill(last, -1);
    }

    /**
     * @return the ring followed.
     */
    public Ring ring()
    {
        return ring;
    }

    /**
     * Reads the newest committed frame of a lane.
     *
     * @param lane lane index.
     * @param into view to fill.
     * @return true when the lane holds a committed frame; false leaves {@code into} unspecified.
     * @throws IllegalArgumentException for a lane outside the ring.
     */
    public boolean readNewest(final int lane, final FrameView into)
    {
        checkLane(lane);
        final long newest = locateNewest(lane);
        if (newest >= 0 && reader.read(lane, newest, into, true) == SlotReader.READY)
        {
            remember(lane, into);
            return true;
        }
        if (readFromHead(lane, into))
        {
            remember(lane, into);
            return true;
        }
        forget(lane);
        return false;
    }

    /**
     * Reads the newest committed frame of a lane when its id is not {@code knownId}: the zero-allocation
     * form of "wait for the next value", which copies nothing while the lane has nothing new.
     *
     * @param lane    lane index.
     * @param knownId id of the frame the caller already holds (0 when none).
     * @param into    view to fill.
     * @return true when {@code into} now holds the lane's newest frame and its id is not {@code knownId};
     *         false, leaving {@code into} untouched, when the newest frame is {@code knownId} or the lane is empty.
     * @throws IllegalArgumentException for a lane outside the ring.
     */
    public boolean readIfNot(final int lane, final long knownId, final FrameView into)
    {
        checkLane(lane);
        final long newest = locateNewest(lane);
        boolean dirty = false;
        if (newest >= 0)
        {
            if (newest == last[lane] && lastId[lane] == knownId)
            {
                return false; // still the frame the caller holds, checked in place: nothing copied
            }
            if (reader.read(lane, newest, into, true) == SlotReader.READY)
            {
                remember(lane, into);
                return true;
            }
            dirty = true; // lapped during the copy: the payload may hold part of a newer lap
        }
        if (!readFromHead(lane, probe))
        {
            forget(lane);
            return false;
        }
        remember(lane, probe);
        final boolean newer = probe.id() != knownId;
        if (newer || dirty)
        {
            into.payloadBuffer().putBytes(0, probe.payload(), 0, probe.payloadLength()); // dirty: back to the frame the caller holds
            into.set(probe.id(), probe.version(), probe.frameKind(), probe.payloadLength(), probe.lane(), probe.counter());
        }
        return newer;
    }

    /**
     * The newest committed counter of a lane found from the remembered one by probing slots only,
     * or -1 when the probe cannot decide (first read, a lap behind, a reset, a damaged slot, or time
     * for the periodic head check) and the lane head must.
     */
    private long locateNewest(final int lane)
    {
        final long known = last[lane];
        if (known < 0)
        {
            return -1;
        }
        int outcome = reader.read(lane, known + 1, probe, false);
        if (outcome == SlotReader.READY)
        {
            long newest = known + 1;
            for (int i = 0; i < CHASE_LIMIT; i++)
            {
                outcome = reader.read(lane, newest + 1, probe, false);
                if (outcome != SlotReader.READY)
                {
                    return outcome == SlotReader.OVERWRITTEN || outcome == SlotReader.CORRUPT ? -1 : newest;
                }
                newest++;
            }
            return -1; // far behind: the head is quicker
        }
        if (outcome == SlotReader.OVERWRITTEN || outcome == SlotReader.CORRUPT || ++sinceHeadCheck[lane] >= HEAD_CHECK_INTERVAL)
        {
            return -1;
        }
        // Nothing after the known counter yet: it is the newest if its slot still holds it (a reset zeroes it).
        return reader.read(lane, known, probe, false) == SlotReader.READY ? known : -1;
    }

    /**
     * The newest frame as the lane head says, but never older than the frame this follower last
     * delivered: the writer stamps a frame committed before it moves the head, so a frame found by
     * its stamp can be one ahead of the head for as long as the writer is paused between the two stores.
     */
    private boolean readFromHead(final int lane, final FrameView into)
    {
        sinceHeadCheck[lane] = 0;
        final long known = last[lane];
        final boolean found = ring.readLaneHead(lane, into);
        if (known >= 0 && (!found || into.counter() < known))
        {
            // Still committed: it is newer than what the head covers. Gone (a reset zeroed it): the head decides.
            return reader.read(lane, known, into, true) == SlotReader.READY || ring.readLaneHead(lane, into);
        }
        return found;
    }

    private void checkLane(final int lane)
    {
        if (lane < 0 || lane >= last.length)
        {
            throw new IllegalArgumentException("lane " + lane + " is outside 0.." + (last.length - 1) + " of ring KIND " + ring.kind());
        }
    }

    private void remember(final int lane, final FrameView frame)
    {
        last[lane] = frame.counter();
        lastId[lane] = frame.id();
    }

    private void forget(final int lane)
    {
        last[lane] = -1;
        lastId[lane] = 0;
    }

    @Override
    public String toString()
    {
        return "LaneFollower{kind=" + ring.kind() + ", last=" + Arrays.toString(last) + "}";
    }
}
