package io.orbit.runtime.ring;

/**
 * What one poll did, by class. Owned and reused by its cursor (no allocation per poll); read it
 * before the next poll. Invariant: {@code delivered + overwritten + abandoned + corrupt == movedPast}.
 */
public final class PollStats extends LossCounts
{
    long delivered;
    long resets;

    /**
     * @return frames handed to the handler.
     */
    public long delivered()
    {
        return delivered;
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
     * @return overwritten + abandoned + corrupt.
     */
    @Override
    public long lost()
    {
        return overwritten + abandoned + corrupt;
    }

    void clear()
    {
        clearLoss();
        delivered = 0;
        resets = 0;
    }

    void add(final PollStats other)
    {
        addLoss(other);
        delivered += other.delivered;
        resets += other.resets;
    }

    @Override
    public String toString()
    {
        return "PollStats{delivered=" + delivered + ", " + lossString() + ", resets=" + resets + "}";
    }
}
