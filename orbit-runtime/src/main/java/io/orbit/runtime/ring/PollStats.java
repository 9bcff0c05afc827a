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

    /**
     * @return frames handed to the handler.
     */
    public long delivered()
    {
        return delivered;
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
    }

    void clear()
    {
        clearLoss();
        delivered = 0;
        lossy = false;
    }

    void add(final PollStats other)
    {
        addLoss(other);
        delivered += other.delivered;
    }

    @Override
    public String toString()
    {
        return "PollStats{delivered=" + delivered + ", " + lossString() + "}";
    }
}
