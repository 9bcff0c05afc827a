package io.orbit.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told, for tests of expiry, leases and staleness. Thread-safe.
 */
public final class ManualClock implements OrbitClock
{
    private final AtomicLong nanos;
    private final AtomicLong millis;

    /**
     * @param monotonicNanos starting monotonic time.
     * @param wallMillis     starting wall time.
     */
    public ManualClock(final long monotonicNanos, final long wallMillis)
    {
        this.nanos = new AtomicLong(monotonicNanos);
        this.millis = new AtomicLong(wallMillis);
    }

    @Override
    public long monotonicNanos()
    {
        return nanos.get();
    }

    @Override
    public long wallMillis()
    {
        return millis.get();
    }

    /**
     * Moves both clocks forward.
     *
     * @param amount how far.
     * @param unit   unit of {@code amount}.
     */
    public void advance(final long amount, final TimeUnit unit)
    {
        nanos.addAndGet(unit.toNanos(amount));
        millis.addAndGet(unit.toMillis(amount));
    }
}
