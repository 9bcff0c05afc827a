package io.orbit.runtime.contest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** Ports of orbit-rs {@code contest/fence.rs} tests, plus the fence under concurrent admits. */
class FenceTest
{
    /** fence.rs {@code admitsMonotonicAndRejectsStale}: 5 ok, 5 ok, 9 ok, 7 rejected, 5 rejected, mark 9. */
    @Test
    void admitsMonotonicAndRejectsStale()
    {
        final Fence fence = new Fence();
        assertEquals(0, fence.highWater());
        assertTrue(fence.admit(5));
        assertTrue(fence.admit(5), "an equal token is admitted again");
        assertTrue(fence.admit(9));
        assertFalse(fence.admit(7));
        assertFalse(fence.admit(5));
        assertEquals(9, fence.highWater());
    }

    /** fence.rs {@code restoredFenceKeepsRejectingBelowPersistedMark}: mark 42 rejects 41, admits 42 and 100. */
    @Test
    void restoredFenceKeepsRejectingBelowPersistedMark()
    {
        final Fence fence = Fence.withHighWater(42);
        assertFalse(fence.admit(41));
        assertTrue(fence.admit(42));
        assertTrue(fence.admit(100));
        assertEquals(100, fence.highWater());
        assertFalse(fence.admit(42));
    }

    /**
     * Racing admits: every admitted token is at least every token admitted before it (per thread
     * order), and the mark ends at the largest token, never lowered by a late small one.
     */
    @Test
    void concurrentAdmitsNeverLowerTheMark() throws InterruptedException
    {
        final Fence fence = new Fence();
        final AtomicLong tokens = new AtomicLong();
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> threads = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < 4; t++)
        {
            final Thread thread = new Thread(() ->
            {
                try
                {
                    start.await();
                    long lastAdmitted = 0;
                    for (int i = 0; i < 50_000; i++)
                    {
                        final long token = tokens.incrementAndGet();
                        if (fence.admit(token))
                        {
                            assertTrue(token > lastAdmitted);
                            lastAdmitted = token;
                        }
                        assertFalse(fence.admit(token - 50_000 - 1), "far-stale token admitted");
                        assertTrue(fence.highWater() >= token);
                    }
                }
                catch (final Throwable ex)
                {
                    synchronized (failures)
                    {
                        failures.add(ex);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (final Thread thread : threads)
        {
            thread.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(tokens.get(), fence.highWater());
    }
}
