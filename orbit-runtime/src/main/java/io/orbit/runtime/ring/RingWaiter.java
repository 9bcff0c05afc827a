package io.orbit.runtime.ring;

import org.agrona.concurrent.AtomicBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.orbit.runtime.ring.RingLayout.NOTIFICATION_GENERATION_OFFSET;
import static io.orbit.runtime.ring.RingLayout.WAITERS_OFFSET;

/**
 * The subscriber's half of wake-ups: block until the ring's notification word moves (a publish, or
 * a handle closing), frames are visible, or a timeout passes.
 *
 * <ul>
 *   <li>With a futex (JDK 22+ build and runtime): register in the waiter count, re-read the word,
 *       {@code FUTEX_WAIT} on the value seen, unregister. Sleeps last at most
 *       {@link #FUTEX_SLICE_NS}, so a waiter also wakes (late) for publishers that cannot make the
 *       call (JDK 17, a JDK 17 build) or died between their increment and their wake.</li>
 *   <li>Without (JDK 17): watch the word, parking between looks from {@link #MIN_PARK_NS} doubling
 *       to {@link #MAX_PARK_NS}; once the word has not moved for {@link #DEEP_IDLE_AFTER_NS} (across
 *       calls), parks
 *       of {@link #DEEP_IDLE_PARK_NS} (an idle subscriber then costs well under 1% of a core, and the
 *       first wake-up after a long silence takes up to that long).</li>
 * </ul>
 * Process-local fleets take the same path (their memory is a direct buffer; a shared futex on it
 * behaves as on a mapped file).
 */
final class RingWaiter
{
    /** Longest single futex sleep. */
    static final long FUTEX_SLICE_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /** First park of the fallback. */
    static final long MIN_PARK_NS = TimeUnit.MICROSECONDS.toNanos(1);
    /** Longest park of the fallback while the ring is active. */
    static final long MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Silence after which the fallback parks longer. */
    static final long DEEP_IDLE_AFTER_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Park of the fallback on a ring silent for {@link #DEEP_IDLE_AFTER_NS}. */
    static final long DEEP_IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(20);

    /** What a waiter checks before sleeping. */
    interface Readiness
    {
        /**
         * @return true when the subscriber should poll now (frames visible, reset, closed).
         */
        boolean mayPoll();
    }

    private final AtomicBuffer buffer;
    private final boolean register;
    private final long wordAddress;
    /** Last word value a waiter of this handle saw, and when it changed: how long the ring has been silent (a heuristic; races are harmless). */
    private volatile int lastWord;
    private volatile long lastChangeAt = System.nanoTime();

    /**
     * @param buffer   the ring's memory.
     * @param register whether this handle may write the waiter count (false for a read-only mapping:
     *                 it then only watches, parking, and never uses the futex publishers may skip).
     */
    RingWaiter(final AtomicBuffer buffer, final boolean register)
    {
        this.buffer = buffer;
        this.register = register;
        this.wordAddress = buffer.addressOffset() + NOTIFICATION_GENERATION_OFFSET;
    }

    /**
     * @param readiness the subscriber's check.
     * @param timeoutNs how long to wait at most.
     * @return true when the subscriber should poll; false when the timeout passed (or the thread was interrupted) first.
     */
    boolean await(final Readiness readiness, final long timeoutNs)
    {
        final long deadline = System.nanoTime() + timeoutNs;
        final Futex futex = register ? Futex.SYSTEM : null;
        long park = MIN_PARK_NS;
        while (true)
        {
            // Word first, then the subscriber's check: a publish after the check moves the word past this value.
            final int seen = buffer.getIntVolatile(NOTIFICATION_GENERATION_OFFSET);
            if (readiness.mayPoll())
            {
                return true;
            }
            final long now = System.nanoTime();
            final long remaining = deadline - now;
            if (seen != lastWord)
            {
                lastWord = seen;
                lastChangeAt = now;
            }
            if (remaining <= 0 || Thread.currentThread().isInterrupted())
            {
                return false;
            }
            if (futex != null)
            {
                buffer.getAndAddInt(WAITERS_OFFSET, 1); // volatile RMW: registered before the word is read again
                try
                {
                    if (buffer.getIntVolatile(NOTIFICATION_GENERATION_OFFSET) == seen)
                    {
                        futex.await(wordAddress, seen, Math.min(remaining, FUTEX_SLICE_NS));
                    }
                }
                finally
                {
                    buffer.getAndAddInt(WAITERS_OFFSET, -1);
                }
            }
            else
            {
                parkWatching(Math.min(park, remaining));
                park = now - lastChangeAt >= DEEP_IDLE_AFTER_NS ? DEEP_IDLE_PARK_NS : Math.min(2 * park, MAX_PARK_NS);
            }
            if (buffer.getIntVolatile(NOTIFICATION_GENERATION_OFFSET) != seen)
            {
                return true;
            }
        }
    }

    /** The fallback's sleep: registered as in the futex path (when this handle may write), so another process can see it waits. */
    private void parkWatching(final long parkNs)
    {
        if (!register)
        {
            LockSupport.parkNanos(parkNs);
            return;
        }
        buffer.getAndAddInt(WAITERS_OFFSET, 1); // volatile RMW: registered after the word was read
        try
        {
            LockSupport.parkNanos(parkNs);
        }
        finally
        {
            buffer.getAndAddInt(WAITERS_OFFSET, -1);
        }
    }
}
