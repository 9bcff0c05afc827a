package io.orbit.runtime.contest;

import io.orbit.runtime.exceptions.LeaseLostException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.orbit.runtime.contest.ContestChild.SUBJECT_TYPE;
import static io.orbit.runtime.ring.CrossProcessSupport.fields;
import static io.orbit.runtime.ring.CrossProcessSupport.send;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The contest across real JVMs sharing one table in a private /dev/shm directory: exclusion under
 * contention, a holder killed with SIGKILL, TTL expiry and renewal on the shared monotonic clock,
 * stale guards, and a process killed in the middle of a slot update or an insert. The parent is
 * node 0; children are nodes 1-3 ({@link ContestChild}).
 */
class ContestCrossProcessTest
{
    private static final int SIZE = 4;
    private static final Duration LONG = Duration.ofSeconds(60);

    /** shm_contest.rs {@code childProcessObservesParentHolderWithoutRingReplay}. */
    @Test
    void childProcessObservesParentHolderWithoutRingReplay()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path()))
        {
            final Guard guard = ContestFixture.claimed(Contest.open(fleet).tryClaim(SUBJECT_TYPE, "report", "parent", LONG));
            try (ChildJvm child = ChildJvm.start(dir.path(), ContestChild.class, "observe", name, "" + SIZE, "1", "report"))
            {
                final Map<String, String> result = fields(child.awaitPrefix("RESULT "));
                assertEquals(0, child.awaitExit());
                assertEquals("false", result.get("claimed"));
                assertEquals(Long.toString(guard.fenceToken()), result.get("token"));
                assertEquals("parent", result.get("owner"));
                assertEquals("0", result.get("node"));
                assertEquals(Long.toString(ProcessHandle.current().pid()), result.get("pid"));
            }
            assertTrue(guard.release());
        }
    }

    /**
     * shm_contest.rs {@code simultaneous_shm_claims_choose_exactly_one_earliest_holder}, across three
     * JVMs released together: exactly one claims (with the fleet's first token), the others yield to
     * that very token, and nobody lets go before everyone has answered.
     */
    @Test
    void simultaneousClaimsInThreeProcessesChooseExactlyOneHolder()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path()))
        {
            Contest.open(fleet); // create the table before the race
            final List<ChildJvm> children = new ArrayList<>();
            try
            {
                for (int node = 1; node <= 3; node++)
                {
                    children.add(ChildJvm.start(dir.path(), ContestChild.class, "race", name, "" + SIZE, "" + node, "contested"));
                }
                children.forEach(child -> child.awaitLine("READY"::equals));
                children.forEach(child -> send(child, "GO"));
                int winners = 0;
                for (final ChildJvm child : children)
                {
                    final Map<String, String> result = fields(child.awaitPrefix("RESULT "));
                    winners += Boolean.parseBoolean(result.get("claimed")) ? 1 : 0;
                    assertEquals("1", result.get("token"), "everyone names the one holder: " + result);
                }
                assertEquals(1, winners);
            }
            finally
            {
                children.forEach(ChildJvm::close);
            }
        }
    }

    /**
     * Three JVMs claim one subject in a loop for three seconds, each recording its holding intervals
     * ({@code HELD token start end} on the shared monotonic clock): no two intervals overlap, and
     * tokens strictly increase in time order.
     */
    @Test
    void processesClaimingInALoopNeverHoldTogether()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path()))
        {
            final Contest contest = Contest.open(fleet); // create the table before the race
            final List<ChildJvm> children = new ArrayList<>();
            try
            {
                for (int node = 1; node <= 3; node++)
                {
                    children.add(ChildJvm.start(dir.path(), ContestChild.class, "loop", name, "" + SIZE, "" + node, "shared", "3000", "200"));
                }
                children.forEach(child -> child.awaitLine("READY"::equals));
                children.forEach(child -> send(child, "GO"));

                final List<long[]> holds = new ArrayList<>();
                final List<String> summaries = new ArrayList<>();
                for (final ChildJvm child : children)
                {
                    final Map<String, String> done = fields(child.awaitPrefix("DONE "));
                    assertEquals(0, child.awaitExit());
                    int mine = 0;
                    for (final String line : child.output())
                    {
                        if (line.startsWith("HELD "))
                        {
                            assertFalse(line.contains("NOT-RELEASED"), line);
                            final String[] words = line.split(" ");
                            holds.add(new long[] {Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3])});
                            mine++;
                        }
                    }
                    assertEquals(Integer.parseInt(done.get("claims")), mine);
                    summaries.add(done.toString());
                    assertTrue(mine >= 5, "child " + child.pid() + " held only " + mine + " times: " + done);
                }
                holds.sort(Comparator.comparingLong(hold -> hold[1]));
                for (int i = 1; i < holds.size(); i++)
                {
                    final long[] previous = holds.get(i - 1);
                    final long[] next = holds.get(i);
                    assertTrue(next[1] > previous[2], "holding intervals overlap: token " + previous[0] + " held until "
                        + previous[2] + ", token " + next[0] + " from " + next[1]);
                    assertTrue(next[0] > previous[0], "token " + next[0] + " holds after token " + previous[0]);
                }
                assertTrue(holds.size() >= 100, "only " + holds.size() + " holds in 3 s");
                System.out.println("ContestCrossProcessTest loop: holds=" + holds.size() + " children=" + summaries);
                assertTrue(contest.holder(SUBJECT_TYPE, "shared").isEmpty(), "every hold was released");
            }
            finally
            {
                children.forEach(ChildJvm::close);
            }
        }
    }

    /**
     * A holder killed with SIGKILL while holding (60 s TTL) is replaced at once by the process that
     * was yielding to it, with a higher token: its node lease is gone, so its claim is free.
     */
    @Test
    void killedHolderIsReplacedAtOnceWithAHigherToken()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path());
             ChildJvm holder = ChildJvm.start(dir.path(), ContestChild.class, "hold", name, "" + SIZE, "1", "leader", "60000"))
        {
            final long held = Long.parseLong(fields(holder.awaitPrefix("HOLDING ")).get("token"));
            try (ChildJvm contender = ChildJvm.start(dir.path(), ContestChild.class, "contend", name, "" + SIZE, "2", "leader", "60000"))
            {
                assertEquals(held, Long.parseLong(fields(contender.awaitPrefix("YIELD ")).get("token")),
                    "the live holder blocks the contender");
                final long killedAt = System.nanoTime();
                holder.kill9();
                final Map<String, String> taken = fields(contender.awaitPrefix("HOLDING "));
                final long token = Long.parseLong(taken.get("token"));
                final long after = Long.parseLong(taken.get("at")) - killedAt;
                assertTrue(token > held, "successor token " + token + " after " + held);
                assertTrue(after < TimeUnit.SECONDS.toNanos(10), "took " + TimeUnit.NANOSECONDS.toMillis(after) + " ms, TTL was 60 s");

                final Holder now = Contest.open(fleet).holder(SUBJECT_TYPE, "leader").orElseThrow();
                assertEquals(2, now.node());
                assertEquals(token, now.fenceToken());
                assertEquals(contender.pid(), now.pid());
            }
        }
    }

    /**
     * TTL expiry on the shared monotonic clock: a live child that never renews its 300 ms lease
     * blocks the parent until its deadline, then the parent wins, never before the deadline.
     */
    @Test
    void unrenewedLeaseOfALiveProcessExpiresAtItsDeadline()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path());
             ChildJvm child = ChildJvm.start(dir.path(), ContestChild.class, "hold", name, "" + SIZE, "1", "ttl", "300"))
        {
            final Map<String, String> holding = fields(child.awaitPrefix("HOLDING "));
            final long token = Long.parseLong(holding.get("token"));
            final long expires = Long.parseLong(holding.get("expires"));
            final Contest contest = Contest.open(fleet);
            final Guard won = claimWhenFree(contest, "ttl", token, child);
            final long wonAt = System.nanoTime();
            assertTrue(wonAt - expires >= 0, "won " + (expires - wonAt) + " ns before the holder's deadline");
            assertTrue(won.fenceToken() > token);
            assertTrue(child.process().isAlive(), "the holder was alive throughout: its lease expired, it did not die");
        }
    }

    /**
     * Renewal across processes: a child renewing a 400 ms lease every 50 ms for 1.2 s (three TTLs)
     * keeps the parent out the whole time; once it stops, the parent wins after the last deadline.
     */
    @Test
    void renewedLeaseKeepsBlockingPastItsFirstTtl()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path());
             ChildJvm child = ChildJvm.start(dir.path(), ContestChild.class, "renewer", name, "" + SIZE, "1", "renewed", "400", "50", "1200"))
        {
            final Map<String, String> holding = fields(child.awaitPrefix("HOLDING "));
            final long token = Long.parseLong(holding.get("token"));
            final long firstDeadline = Long.parseLong(holding.get("expires"));
            final Contest contest = Contest.open(fleet);
            final Guard won = claimWhenFree(contest, "renewed", token, child);
            final long wonAt = System.nanoTime();
            final long lastDeadline = Long.parseLong(fields(child.awaitPrefix("STOPPED ")).get("expires"));
            assertTrue(wonAt - firstDeadline > TimeUnit.MILLISECONDS.toNanos(700), "renewals extended the lease past its first TTL");
            assertTrue(wonAt - lastDeadline >= 0, "won before the last renewed deadline");
            assertTrue(won.fenceToken() > token);
        }
    }

    /**
     * A stale guard across processes: the parent's lease expires and a child takes the subject; the
     * parent's renew throws, its release returns false, and the child's lease is untouched (it still
     * renews, and the parent yields to its token).
     */
    @Test
    void staleGuardCannotRenewOrReleaseASuccessorInAnotherProcess()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path()))
        {
            final Contest contest = Contest.open(fleet);
            final Guard stale = ContestFixture.claimed(contest.tryClaim(SUBJECT_TYPE, "handover", "parent", Duration.ofMillis(200)));
            try (ChildJvm child = ChildJvm.start(dir.path(), ContestChild.class, "contend", name, "" + SIZE, "1", "handover", "60000"))
            {
                final long successor = Long.parseLong(fields(child.awaitPrefix("HOLDING ")).get("token"));
                assertTrue(successor > stale.fenceToken());

                final LeaseLostException lost = assertThrows(LeaseLostException.class, () -> stale.renew(LONG));
                assertTrue(lost.getMessage().contains("node-1"), lost.getMessage());
                assertFalse(stale.release());
                stale.close();

                assertEquals(successor, ContestFixture.yielded(contest.tryClaim(SUBJECT_TYPE, "handover", "parent", LONG)).fenceToken());
                send(child, "RENEW");
                assertEquals(Long.toString(successor), fields(child.awaitPrefix("RENEWED ")).get("token"));
            }
        }
    }

    /**
     * A process killed in the middle of updating its lease's slot (odd seq word, half a deadline
     * written) leaves no half lease: the next claimant takes the slot over at once (the writer's node
     * is dead), reads it as free, and wins with a higher token.
     */
    @Test
    void processKilledMidUpdateLeavesNoHalfLease()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path());
             ChildJvm child = ChildJvm.start(dir.path(), ContestChild.class, "stuck", name, "" + SIZE, "1", "torn"))
        {
            final long token = Long.parseLong(fields(child.awaitPrefix("STUCK ")).get("token"));
            child.kill9();
            final Contest contest = Contest.open(fleet);
            final long start = System.nanoTime();
            final Guard guard = ContestFixture.claimed(contest.tryClaim(SUBJECT_TYPE, "torn", "parent", LONG));
            final long took = System.nanoTime() - start;
            assertTrue(guard.fenceToken() > token);
            assertEquals(1, ContestTestHooks.table(contest).takeovers());
            assertTrue(took < Contest.DEFAULT_PENDING_BOUND.toNanos(), "a dead writer is taken over at once, took "
                + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
        }
    }

    /**
     * A live process stuck in the middle of an update (a stopped or paused writer) holds the slot
     * only for the pending bound; then the slot is taken over, and the paused writer's late commit
     * fails instead of overwriting the new lease.
     */
    @Test
    void pausedWriterIsTakenOverAfterTheBoundAndCannotCommitLate()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path());
             ChildJvm child = ChildJvm.start(dir.path(), ContestChild.class, "stuck", name, "" + SIZE, "1", "paused"))
        {
            final long token = Long.parseLong(fields(child.awaitPrefix("STUCK ")).get("token"));
            final Duration bound = Duration.ofMillis(300);
            final Contest contest = Contest.builder(fleet).pendingBound(bound).open();
            final long start = System.nanoTime();
            final Guard guard = ContestFixture.claimed(contest.tryClaim(SUBJECT_TYPE, "paused", "parent", LONG));
            assertTrue(System.nanoTime() - start >= bound.toNanos(), "a live writer is waited for up to the bound");
            assertTrue(guard.fenceToken() > token);

            send(child, "COMMIT");
            assertEquals("false", fields(child.awaitPrefix("COMMIT ")).get("landed"));
            assertEquals(guard.fenceToken(), contest.holder(SUBJECT_TYPE, "paused").orElseThrow().fenceToken());
            guard.renew(LONG);
        }
    }

    /** A process killed while holding a home slot's insert lock does not block inserts of that home. */
    @Test
    void processKilledHoldingAnInsertLockDoesNotBlockInserts()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path());
             ChildJvm child = ChildJvm.start(dir.path(), ContestChild.class, "lock", name, "" + SIZE, "1", "locked"))
        {
            child.awaitLine("LOCKED"::equals);
            child.kill9();
            final Contest contest = Contest.open(fleet);
            final long start = System.nanoTime();
            ContestFixture.claimed(contest.tryClaim(SUBJECT_TYPE, "locked", "parent", LONG));
            assertTrue(System.nanoTime() - start < Contest.DEFAULT_PENDING_BOUND.toNanos(), "a dead locker is taken over at once");
            assertEquals(1, ContestTestHooks.table(contest).takeovers());
        }
    }

    /** Claims until free, asserting that every yield was to the expected holder. */
    private static Guard claimWhenFree(final Contest contest, final String subject, final long holderToken, final ChildJvm child)
    {
        final long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        int yields = 0;
        while (System.nanoTime() - deadline < 0)
        {
            final ContestResult result = contest.tryClaim(SUBJECT_TYPE, subject, "parent", LONG);
            if (result instanceof ContestResult.Claimed claimed)
            {
                assertTrue(yields > 0, "the holder never blocked the parent");
                return claimed.guard();
            }
            assertEquals(holderToken, result.holder().fenceToken(), "yielded to an unexpected holder");
            yields++;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        throw new AssertionError("the subject never became free; child output: " + child.output());
    }
}
