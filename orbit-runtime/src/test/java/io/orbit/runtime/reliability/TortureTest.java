package io.orbit.runtime.reliability;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CI mode of {@link TortureHarness}: two writer JVMs and two reader JVMs per topology for a few
 * seconds each, writers killed with SIGKILL and restarted at random moments. Asserts no torn
 * delivery, exact loss accounting on every poll and in total, nothing corrupt, and that kills happened.
 */
class TortureTest
{
    private static final Duration CI_DURATION = Duration.ofSeconds(8);

    @Test
    void sharedRingSurvivesWriterKills()
    {
        check(TortureHarness.run(true, 2, 2, CI_DURATION, new Random(seed())));
    }

    @Test
    void perNodeRingSurvivesWriterKills()
    {
        check(TortureHarness.run(false, 2, 2, CI_DURATION, new Random(seed())));
    }

    private static long seed()
    {
        final long seed = System.nanoTime();
        System.out.println("TortureTest seed=" + seed);
        return seed;
    }

    private static void check(final TortureHarness.Result result)
    {
        System.out.println(result);
        assertEquals(0, result.torn(), () -> "torn deliveries: " + result);
        assertEquals(0, result.accountingErrors(), () -> "accounting errors: " + result);
        assertEquals(0, result.corrupt(), () -> "corrupt slots: " + result);
        assertEquals(0, result.readerFailures(), () -> "readers that did not drain: " + result);
        assertTrue(result.killed() >= 1, () -> "no writer was killed: " + result);
        assertTrue(result.delivered() > 0, () -> "nothing delivered: " + result);
        assertTrue(result.overwritten() > 0, () -> "small ring never lapped a reader: " + result);
    }
}
