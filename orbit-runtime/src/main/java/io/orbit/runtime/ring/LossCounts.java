package io.orbit.runtime.ring;

/**
 * The ring's loss accounting of one poll, common to {@link PollStats} and the event bus's poll
 * stats: counters moved past and, of those, the ones lost by class (docs/spec.md §3.6).
 */
public abstract class LossCounts
{
    long overwritten;
    long abandoned;
    long corrupt;
    long movedPast;
    boolean reset;

    /** For the poll stats classes only. */
    protected LossCounts()
    {
    }

    /**
     * @return counters older than {@code head - capacity}, or whose slot already held a newer counter.
     */
    public final long overwritten()
    {
        return overwritten;
    }

    /**
     * @return SHARED counters claimed but never committed, whose writer is dead or pending past the bound.
     */
    public final long abandoned()
    {
        return abandoned;
    }

    /**
     * @return committed frames that failed validation (bad length, wrong id); should be 0.
     */
    public final long corrupt()
    {
        return corrupt;
    }

    /**
     * @return counters the cursor moved past, over all lanes.
     */
    public final long movedPast()
    {
        return movedPast;
    }

    /**
     * @return true when the ring was reset since the cursor's previous poll; the cursor restarted at counter 0.
     */
    public final boolean reset()
    {
        return reset;
    }

    /**
     * @return counters moved past without being delivered.
     */
    public abstract long lost();

    /** Zeroes the ring's counts. */
    protected final void clearLoss()
    {
        overwritten = 0;
        abandoned = 0;
        corrupt = 0;
        movedPast = 0;
        reset = false;
    }

    /**
     * Adds another poll's ring counts (for totals).
     *
     * @param other counts of one poll.
     */
    protected final void addLoss(final LossCounts other)
    {
        overwritten += other.overwritten;
        abandoned += other.abandoned;
        corrupt += other.corrupt;
        movedPast += other.movedPast;
        reset |= other.reset;
    }

    /**
     * Takes over the ring counts of one ring poll.
     *
     * @param ring counts of the ring poll underneath.
     */
    protected final void copyLoss(final LossCounts ring)
    {
        overwritten = ring.overwritten;
        abandoned = ring.abandoned;
        corrupt = ring.corrupt;
        movedPast = ring.movedPast;
        reset = ring.reset;
    }

    /**
     * @return the ring counts as {@code name=value} pairs, for toString.
     */
    protected final String lossString()
    {
        return "overwritten=" + overwritten + ", abandoned=" + abandoned + ", corrupt=" + corrupt
            + ", movedPast=" + movedPast + ", reset=" + reset;
    }
}
