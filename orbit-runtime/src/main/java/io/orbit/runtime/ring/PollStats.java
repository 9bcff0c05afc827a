package io.orbit.runtime.ring;

/**
 * What one poll did, by class. Owned and reused by its cursor (no allocation per poll); read it
 * before the next poll. Invariant: {@code delivered + overwritten + abandoned + corrupt == movedPast}.
 */
public final class PollStats
{
    long delivered;
    long overwritten;
    long abandoned;
    long corrupt;
    long movedPast;
    long resets;
    boolean reset;

    /**
     * @return frames handed to the handler.
     */
    public long delivered()
    {
        return delivered;
    }

    /**
     * @return counters older than {@code head - capacity}, or whose slot already held a newer counter.
     */
    public long overwritten()
    {
        return overwritten;
    }

    /**
     * @return SHARED counters claimed but never committed, whose writer is dead or pending past the bound.
     */
    public long abandoned()
    {
        return abandoned;
    }

    /**
     * @return committed frames that failed validation (bad length, wrong id); should be 0.
     */
    public long corrupt()
    {
        return corrupt;
    }

    /**
     * @return counters the cursor moved past, over all lanes.
     */
    public long movedPast()
    {
        return movedPast;
    }

    /**
     * @return overwritten + abandoned + corrupt.
     */
    public long lost()
    {
        return overwritten + abandoned + corrupt;
    }

    /**
     * @return resets seen: by this poll 0 or 1; summed in a cursor's totals. A reset is seen through the
     *         reset generation (a Java reset) or in the lanes themselves, a head that moved backwards or
     *         a consumed counter no longer committed (orbit-rs's {@code reset_ring}, which leaves the
     *         generation alone); the cursor then restarts at counter 0 of every lane.
     */
    public long resets()
    {
        return resets;
    }

    /**
     * @return true when the ring was reset since the cursor's previous poll; the cursor restarted at counter 0.
     */
    public boolean reset()
    {
        return reset;
    }

    void clear()
    {
        delivered = 0;
        overwritten = 0;
        abandoned = 0;
        corrupt = 0;
        movedPast = 0;
        resets = 0;
        reset = false;
    }

    void add(final PollStats other)
    {
        delivered += other.delivered;
        overwritten += other.overwritten;
        abandoned += other.abandoned;
        corrupt += other.corrupt;
        movedPast += other.movedPast;
        resets += other.resets;
        reset |= other.reset;
    }

    @Override
    public String toString()
    {
        return "PollStats{delivered=" + delivered + ", overwritten=" + overwritten + ", abandoned=" + abandoned
            + ", corrupt=" + corrupt + ", movedPast=" + movedPast + ", resets=" + resets + "}";
    }
}
