package io.orbit.runtime.ring;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits for a condition (never a fixed sleep), bounded so a broken implementation fails instead of hanging.
 */
public final class Await
{
    /** Bound of every wait. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Await()
    {
    }

    /**
     * @param what      the condition, for the failure message.
     * @param condition re-evaluated until true.
     */
    public static void until(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                fail("timed out after " + TIMEOUT + " waiting until " + what);
            }
            Thread.yield();
        }
    }
}
