package io.orbit.runtime.contest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The check at a protected resource that makes leases safe against late holders (a process paused
 * past its lease's deadline, or whose node was declared dead): it remembers the highest fence token
 * it admitted and rejects every lower one. Equal tokens are admitted again (one holder's repeated
 * writes). Port of orbit-rs {@code contest/fence.rs}.
 *
 * <p>Process-local: it lives with the resource, not in shared memory. A resource that outlives its
 * process persists {@link #highWater()} and restores it with {@link #withHighWater(long)}.
 * Thread-safe and lock-free. Tokens are compared as signed longs; the contest issues them from 1 up.
 */
public final class Fence
{
    private final AtomicLong highWater;

    /**
     * A fence that has admitted nothing (high-water mark 0).
     */
    public Fence()
    {
        this(0);
    }

    private Fence(final long highWater)
    {
        this.highWater = new AtomicLong(highWater);
    }

    /**
     * @param highWater a persisted high-water mark.
     * @return a fence that rejects every token below it.
     */
    public static Fence withHighWater(final long highWater)
    {
        return new Fence(highWater);
    }

    /**
     * Admits a token if it is at least the high-water mark, and raises the mark to it.
     *
     * @param fenceToken a lease's fence token ({@link Guard#fenceToken()}).
     * @return true when admitted; false when a later lease has already been admitted.
     */
    public boolean admit(final long fenceToken)
    {
        final long previous = highWater.getAndAccumulate(fenceToken, Math::max);
        return fenceToken >= previous;
    }

    /**
     * @return the highest token admitted (or restored).
     */
    public long highWater()
    {
        return highWater.get();
    }

    @Override
    public String toString()
    {
        return "Fence{highWater=" + highWater() + "}";
    }
}
