package io.orbit.runtime.ring;

/**
 * What one poll did, by class. Owned and reused by its cursor (no allocation per poll); read it
 * before the next poll. Invariant: {@code delivered + overwritten + abandoned + corrupt == movedPast}.
 */
public final class PollStats extends LossCounts
{
    long delivered;
    /** Whether a loss field is non-zero, so the next poll that loses nothing knows to clear them. */
    private boolean lossy;
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

    /**
     * Records one poll and adds it to the totals. A poll that lost nothing (the usual case) writes
     * only its delivered and moved-past counts: the loss fields are cleared only when the previous
     * poll set them, and summed only when this one did.
     */
    void record(
        final PollStats totals, final long delivered, final long overwritten, final long abandoned, final long corrupt, final long movedPast)
    {
        this.delivered = delivered;
        this.movedPast = movedPast;
        totals.delivered += delivered;
        totals.movedPast += movedPast;
        if ((overwritten | abandoned | corrupt) != 0 || lossy)
        {
            this.overwritten = overwritten;
            this.abandoned = abandoned;
            this.corrupt = corrupt;
            totals.overwritten += overwritten;
            totals.abandoned += abandoned;
            totals.corrupt += corrupt;
            lossy = (overwritten | abandoned | corrupt) != 0;
        }
        reset = false;
        resets = 0;
    }

    void clear()
    {
        clearLoss();
        delivered = 0;
        lossy = false;
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
