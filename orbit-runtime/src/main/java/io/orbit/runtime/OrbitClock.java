package io.orbit.runtime;

/**
 * The time sources of the substrates, injectable so tests control time.
 *
 * <p>Deadlines that decide ownership or liveness (contest leases, heartbeat staleness, cache expiry)
 * use {@link #monotonicNanos()}: on Linux {@link System#nanoTime()} reads {@code CLOCK_MONOTONIC},
 * which every process on the host shares and which NTP steps do not move. Event timestamps use
 * {@link #wallMillis()}, as orbit-rs does.
 */
public interface OrbitClock
{
    /**
     * @return monotonic nanoseconds, comparable across processes of one host.
     */
    long monotonicNanos();

    /**
     * @return wall-clock milliseconds since the Unix epoch.
     */
    long wallMillis();

    /**
     * @return the system clock: {@link System#nanoTime()} and {@link System#currentTimeMillis()}.
     */
    static OrbitClock system()
    {
        return SystemClock.INSTANCE;
    }

    /** The default clock. */
    enum SystemClock implements OrbitClock
    {
        /** The single instance. */
        INSTANCE;

        @Override
        public long monotonicNanos()
        {
            return System.nanoTime();
        }

        @Override
        public long wallMillis()
        {
            return System.currentTimeMillis();
        }
    }
}
