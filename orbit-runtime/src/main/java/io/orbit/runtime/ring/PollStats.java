package io.orbit.runtime.ring;

/**
 * What one poll did, by class. Owned and reused by its cursor (no allocation per poll); read it
 * before the next poll. Invariant: {@code delivered + overwritten + abandoned + corrupt == movedPast}.
 */
public final class PollStats extends LossCounts
{
    long delivered;

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

    void clear()
    {
        clearLoss();
        delivered = 0;
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
