package io.orbit.runtime.ring;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The order in which one ring handle saw the lane heads of a PER_NODE ring change, for
 * {@link Ring#readHead} when a head frame is unversioned. Versions order values fleet-wide only when
 * every writer takes them from the ring's version counter; orbit-rs's {@code Orbital::store} writes
 * version 0 and never touches that counter, so a version says nothing against a version-0 frame.
 *
 * <p>Rule: two lane heads that both carry a version compare by version (unsigned). When either is
 * version 0, the head this handle saw change later is newer; heads first seen in the same
 * {@code readHead} call fall back to the version (so an unversioned head loses), then to the lower
 * lane. A handle therefore orders a version-0 value correctly against values it had already seen;
 * it cannot order values that were all written before its first {@code readHead}.
 *
 * <p>Thread-safe: racing readers may give one change two ticks; either is later than every
 * change seen before.
 */
final class LaneRecency
{
    private final AtomicLongArray seenCounter;
    private final AtomicLongArray seenTick;
    private final AtomicLong ticks = new AtomicLong();

    LaneRecency(final int lanes)
    {
        this.seenCounter = new AtomicLongArray(lanes);
        this.seenTick = new AtomicLongArray(lanes);
        for (int lane = 0; lane < lanes; lane++)
        {
            seenCounter.set(lane, -1);
        }
    }

    /**
     * Notes the newest committed counter of a lane.
     *
     * @param lane      lane index.
     * @param counter   its newest committed counter.
     * @param callTick  the tick of this readHead call's first change, 0 when none yet.
     * @return the call's tick after this note (unchanged, or a fresh one for its first change).
     */
    long note(final int lane, final long counter, final long callTick)
    {
        if (seenCounter.get(lane) == counter)
        {
            return callTick;
        }
        final long tick = callTick != 0 ? callTick : ticks.incrementAndGet();
        seenCounter.set(lane, counter);
        seenTick.set(lane, tick);
        return tick;
    }

    /**
     * @param lane lane index.
     * @return when this handle last saw the lane change.
     */
    long tick(final int lane)
    {
        return seenTick.get(lane);
    }

    /**
     * @return whether a head (version, lane) is newer than the best so far.
     */
    boolean newer(final long version, final int lane, final long bestVersion, final int bestLane)
    {
        if (version != 0 && bestVersion != 0)
        {
            return Long.compareUnsigned(version, bestVersion) > 0;
        }
        final long tick = tick(lane);
        final long bestTick = tick(bestLane);
        return tick != bestTick ? tick > bestTick : Long.compareUnsigned(version, bestVersion) > 0;
    }
}
