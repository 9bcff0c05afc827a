package io.orbit.runtime.contest;

import io.orbit.runtime.ring.FleetBacking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static io.orbit.runtime.contest.ContestFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Threads of one JVM, each on its own fleet handle and node (so each has its own mapping of the
 * table in the shared-memory case), racing for a few subjects. The cross-process version of the
 * same checks is {@link ContestCrossProcessTest}.
 */
class ContestConcurrencyTest
{
    private static final int THREADS = ContestFixture.FLEET_SIZE;

    /**
     * Hammering claims on three subjects of a 4-slot table (every release makes a tombstone, every
     * claim an insert through overlapping probe chains): never two holders of a subject at once
     * (occupancy counter inside the held section), each new holder's token above the previous
     * holder's, every release of a held lease succeeds.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void threadsOnDifferentNodesNeverHoldASubjectTogether(final FleetBacking backing) throws Exception
    {
        final int subjects = 3;
        try (ContestFixture f = new ContestFixture(backing))
        {
            final List<Contest> contests = new ArrayList<>();
            for (int node = 0; node < THREADS; node++)
            {
                contests.add(Contest.builder(f.join(node)).slotCount(4).open());
            }
            final AtomicInteger[] occupancy = new AtomicInteger[subjects];
            for (int s = 0; s < subjects; s++)
            {
                occupancy[s] = new AtomicInteger();
            }
            final AtomicLongArray lastToken = new AtomicLongArray(subjects);
            final AtomicLongArray claims = new AtomicLongArray(subjects);
            final AtomicLong yields = new AtomicLong();
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1200);
            runAll(contests, (contest, random) ->
            {
                while (System.nanoTime() - deadline < 0)
                {
                    final int s = random.nextInt(subjects);
                    final ContestResult result = contest.tryClaim(JOBS, "subject-" + s, "node-" + contest.fleet().node(), LONG);
                    if (!(result instanceof ContestResult.Claimed claimed))
                    {
                        yields.incrementAndGet();
                        continue;
                    }
                    final Guard guard = claimed.guard();
                    assertEquals(1, occupancy[s].incrementAndGet(), "two holders of subject " + s + " at once");
                    final long previous = lastToken.getAndSet(s, guard.fenceToken());
                    assertTrue(guard.fenceToken() > previous, "token " + guard.fenceToken() + " after " + previous);
                    if (random.nextInt(4) == 0)
                    {
                        guard.renew(LONG);
                    }
                    for (int spin = random.nextInt(64); spin > 0; spin--)
                    {
                        Thread.onSpinWait();
                    }
                    claims.incrementAndGet(s);
                    assertEquals(0, occupancy[s].decrementAndGet());
                    assertTrue(guard.release(), "releasing a held lease");
                }
            });
            for (int s = 0; s < subjects; s++)
            {
                assertTrue(claims.get(s) > 20, "subject " + s + " was claimed only " + claims.get(s) + " times");
            }
            assertTrue(yields.get() > 0, "the threads never contended");
        }
    }

    /**
     * orbit-rs {@code shm_contest.rs} {@code simultaneous_shm_claims_choose_exactly_one_earliest_holder},
     * repeated: every round all four nodes claim one fresh subject at once; exactly one wins and the
     * others yield to its token. The first round's token is the fleet's first (1).
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void simultaneousClaimsChooseExactlyOneHolder(final FleetBacking backing) throws Exception
    {
        final int rounds = 1000;
        try (ContestFixture f = new ContestFixture(backing))
        {
            final List<Contest> contests = new ArrayList<>();
            for (int node = 0; node < THREADS; node++)
            {
                contests.add(Contest.builder(f.join(node)).slotCount(8).open());
            }
            final CyclicBarrier barrier = new CyclicBarrier(THREADS);
            final AtomicReferenceArray<ContestResult> results = new AtomicReferenceArray<>(THREADS * rounds);
            runAll(contests, (contest, random) ->
            {
                final int node = contest.fleet().node();
                try
                {
                    for (int round = 0; round < rounds; round++)
                    {
                        await(barrier);
                        final ContestResult result = contest.tryClaim(JOBS, "round-" + round, "node-" + node, LONG);
                        results.set(round * THREADS + node, result);
                        await(barrier); // everyone has claimed: only now may the winner let go
                        if (result instanceof ContestResult.Claimed claimed)
                        {
                            assertTrue(claimed.guard().release());
                        }
                    }
                }
                catch (final Throwable ex)
                {
                    barrier.reset(); // let the other claimers fail fast instead of waiting for this one
                    throw ex;
                }
            });
            for (int round = 0; round < rounds; round++)
            {
                int winners = 0;
                long token = -1;
                for (int node = 0; node < THREADS; node++)
                {
                    final ContestResult result = results.get(round * THREADS + node);
                    winners += result.isClaimed() ? 1 : 0;
                    assertTrue(token == -1 || token == result.holder().fenceToken(), "round " + round + " saw two holders");
                    token = result.holder().fenceToken();
                }
                assertEquals(1, winners, "round " + round);
                if (round == 0)
                {
                    assertEquals(1, token);
                }
            }
        }
    }

    private interface Worker
    {
        void run(Contest contest, SplittableRandom random) throws Exception;
    }

    private static void runAll(final List<Contest> contests, final Worker worker) throws Exception
    {
        final List<Thread> threads = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        for (final Contest contest : contests)
        {
            final SplittableRandom random = new SplittableRandom(42 + contest.fleet().node());
            final Thread thread = new Thread(() ->
            {
                try
                {
                    worker.run(contest, random);
                }
                catch (final Throwable ex)
                {
                    synchronized (failures)
                    {
                        failures.add(ex);
                    }
                }
            }, "claimer-" + contest.fleet().node());
            threads.add(thread);
            thread.start();
        }
        for (final Thread thread : threads)
        {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(thread.isAlive(), thread.getName() + " did not finish");
        }
        if (!failures.isEmpty())
        {
            final AssertionError error = new AssertionError(failures.size() + " claimer(s) failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    private static void await(final CyclicBarrier barrier) throws InterruptedException, BrokenBarrierException, TimeoutException
    {
        barrier.await(30, TimeUnit.SECONDS);
    }
}
