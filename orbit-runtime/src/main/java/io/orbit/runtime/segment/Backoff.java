package io.orbit.runtime.segment;

import java.util.concurrent.locks.LockSupport;

/**
 * The one idle ladder of every wait on shared memory (a lane lock, a slot another process is
 * writing, a torn read): spin while the wait is likely to end within nanoseconds, then yield, then
 * park. Stateless: a waiter counts its own attempts, so a wait allocates nothing. Each protocol
 * keeps its own thresholds as a constant; internal to the runtime.
 */
public final class Backoff
{
    private final int spins;
    private final int yieldsUntil;
    private final long parkNanos;

    /**
     * @param spins     attempts that only spin ({@link Thread#onSpinWait()}).
     * @param yields    attempts after those that yield the processor.
     * @param parkNanos how long every later attempt parks; 0 keeps yielding instead.
     */
    public Backoff(final int spins, final int yields, final long parkNanos)
    {
        this.spins = spins;
        this.yieldsUntil = (int)Math.min(Integer.MAX_VALUE, (long)spins + yields);
        this.parkNanos = parkNanos;
    }

    /**
     * Idles once.
     *
     * @param attempt how many times this wait has idled before (0 first).
     */
    public void idle(final int attempt)
    {
        if (attempt < spins)
        {
            Thread.onSpinWait();
        }
        else if (attempt < yieldsUntil || parkNanos == 0)
        {
            Thread.yield();
        }
        else
        {
            LockSupport.parkNanos(parkNanos);
        }
    }
}
