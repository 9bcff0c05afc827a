package io.orbit.runtime.contest;

import io.orbit.runtime.exceptions.ContestTableFullException;
import io.orbit.runtime.exceptions.FleetClosedException;
import io.orbit.runtime.exceptions.LeaseLostException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.orbit.runtime.contest.ContestFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Ports of the orbit-rs contest tests ({@code contest/guard.rs}, eras A-C) plus the semantics the
 * contract adds (dead holders, fence tokens from the table, bounded table), on process-local and
 * shared-memory fleets, with a manual clock for every TTL.
 */
class ContestTest
{
    private static final Duration TTL_5MS = Duration.ofMillis(5);

    /** guard.rs {@code firstClaimIsClaimedForSubject}: the second claimant yields to the first. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void firstClaimIsClaimedForSubject(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest first = f.contest(0);
            final Contest second = f.contest(1);
            final Guard guard = claimed(first.tryClaim(JOBS, "invoice-42", "worker:1", LONG));
            final Holder holder = yielded(second.tryClaim(JOBS, "invoice-42", "worker:2", LONG));

            assertEquals("worker:1", holder.owner());
            assertEquals("invoice-42", holder.label());
            assertEquals(JOBS, holder.subjectType());
            assertEquals(0, holder.node());
            assertEquals(guard.fenceToken(), holder.fenceToken());
            assertEquals(1, guard.fenceToken(), "the first token of a fleet is 1");
            assertEquals(f.clock.monotonicNanos() + LONG.toNanos(), holder.expiresAtNanos());
            assertEquals(guard.holder(), holder);
            assertEquals(1, second.lastFenceToken(), "a yield consumes no token");
        }
    }

    /** guard.rs {@code differentSubjectLabelsDoNotCompete}. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void differentSubjectLabelsDoNotCompete(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Guard a = claimed(f.contest(0).tryClaim(JOBS, "invoice-1", "a", LONG));
            final Guard b = claimed(f.contest(1).tryClaim(JOBS, "invoice-2", "b", LONG));
            assertTrue(b.fenceToken() > a.fenceToken());
        }
    }

    /** guard.rs {@code differentSubjectTypesDoNotCompete}: same label, different contest types. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void differentSubjectTypesDoNotCompete(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            claimed(f.contest(0).tryClaim(JOBS, "shared-label", "a", LONG));
            claimed(f.contest(1).tryClaim(REPORTS, "shared-label", "b", LONG));
            assertEquals("a", f.contest(2).holder(JOBS, "shared-label").orElseThrow().owner());
            assertEquals("b", f.contest(3).holder(REPORTS, "shared-label").orElseThrow().owner());
        }
    }

    /** guard.rs {@code releasingClaimGuardAllowsNextClaim}. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void releasingClaimGuardAllowsNextClaim(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest first = f.contest(0);
            final Contest second = f.contest(1);
            final Guard guard = claimed(first.tryClaim(JOBS, "subject", "first", LONG));
            yielded(second.tryClaim(JOBS, "subject", "second", LONG));

            assertTrue(guard.release());
            assertFalse(guard.release(), "a second release has nothing to release");
            assertTrue(first.holder(JOBS, "subject").isEmpty());
            final Guard next = claimed(second.tryClaim(JOBS, "subject", "second", LONG));
            assertTrue(next.fenceToken() > guard.fenceToken());
        }
    }

    /** Try-with-resources is the release boundary. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void closingTheGuardReleasesTheClaim(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest contest = f.contest(0);
            try (Guard guard = claimed(contest.tryClaim(JOBS, "scoped", "me", LONG)))
            {
                assertEquals(guard.fenceToken(), yielded(f.contest(1).tryClaim(JOBS, "scoped", "other", LONG)).fenceToken());
            }
            claimed(f.contest(2).tryClaim(JOBS, "scoped", "other", LONG));
        }
    }

    /** guard.rs {@code expiredClaimDoesNotBlockNextClaim}: ttl 5 ms, the next claim 6 ms later wins. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void expiredClaimDoesNotBlockNextClaim(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Guard old = claimed(f.contest(0).tryClaim(JOBS, "subject", "old", TTL_5MS));
            final Contest other = f.contest(1);
            f.advanceMillis(4);
            yielded(other.tryClaim(JOBS, "subject", "new", TTL_5MS));
            f.advanceMillis(1);
            final Guard next = claimed(other.tryClaim(JOBS, "subject", "new", TTL_5MS));
            assertTrue(next.fenceToken() > old.fenceToken());
            assertEquals("new", other.holder(JOBS, "subject").orElseThrow().owner());
        }
    }

    /** guard.rs {@code yieldingClaimReleasesItself}: a yielder leaves nothing behind. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void yieldingClaimReleasesItself(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Guard holder = claimed(f.contest(0).tryClaim(JOBS, "subject", "holder", LONG));
            yielded(f.contest(1).tryClaim(JOBS, "subject", "yielder", LONG));
            assertTrue(holder.release());
            final Guard third = claimed(f.contest(2).tryClaim(JOBS, "subject", "third", LONG));
            assertEquals("third", third.holder().owner());
        }
    }

    /** guard.rs {@code renewedClaimSurvivesPastOriginalTtl}: renew at +5 to +15; +12 yields; +20 is free. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void renewedClaimSurvivesPastOriginalTtl(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final long start = f.clock.monotonicNanos();
            final Guard guard = claimed(f.contest(0).tryClaim(JOBS, "subject", "holder", Duration.ofMillis(10)));
            final Contest contender = f.contest(1);
            f.advanceMillis(5);
            guard.renew(Duration.ofMillis(10));
            assertEquals(start + Duration.ofMillis(15).toNanos(), guard.holder().expiresAtNanos());
            f.advanceMillis(7);
            final Holder seen = yielded(contender.tryClaim(JOBS, "subject", "contender", LONG));
            assertEquals(guard.fenceToken(), seen.fenceToken(), "renewal keeps the fence token");
            assertEquals(start + Duration.ofMillis(15).toNanos(), seen.expiresAtNanos());
            f.advanceMillis(8);
            claimed(contender.tryClaim(JOBS, "subject", "contender", LONG));
        }
    }

    /** guard.rs {@code fenceRejectsSupersededHolder}: the successor's token is larger and fences the old one out. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void fenceRejectsSupersededHolder(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Guard first = claimed(f.contest(0).tryClaim(JOBS, "subject", "first", TTL_5MS));
            f.advanceMillis(6);
            final Guard second = claimed(f.contest(1).tryClaim(JOBS, "subject", "second", TTL_5MS));
            assertTrue(second.fenceToken() > first.fenceToken());

            final Fence fence = new Fence();
            assertTrue(fence.admit(first.fenceToken()));
            assertTrue(fence.admit(second.fenceToken()));
            assertFalse(fence.admit(first.fenceToken()), "the superseded holder is fenced out");
        }
    }

    /**
     * table-era guard.rs {@code activeClaimSurvivesChurnBeyondOldRingCapacity}: 2000 unrelated
     * claims (twice the old ring's window) do not evict a live claim; it stays renewable and blocking.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void activeClaimSurvivesChurnBeyondOldRingCapacity(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest contest = f.contest(0);
            final Guard longLived = claimed(contest.tryClaim(JOBS, "long-lived", "keeper", LONG));
            final Contest churner = f.contest(1);
            for (int i = 0; i < 2000; i++)
            {
                try (Guard churn = claimed(churner.tryClaim(REPORTS, "churn-" + i, "churner", LONG)))
                {
                    assertTrue(churn.fenceToken() > longLived.fenceToken());
                }
            }
            longLived.renew(LONG);
            assertEquals(longLived.fenceToken(), yielded(churner.tryClaim(JOBS, "long-lived", "contender", LONG)).fenceToken());
        }
    }

    /**
     * table-era guard.rs {@code staleGuardCannotRenewOrReleaseSuccessor}: an expired guard whose
     * subject was taken cannot renew (LeaseLostException naming the successor) or release it.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void staleGuardCannotRenewOrReleaseSuccessor(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Guard stale = claimed(f.contest(0).tryClaim(JOBS, "subject", "stale", TTL_5MS));
            f.advanceMillis(6);
            final Contest successorContest = f.contest(1);
            final Guard successor = claimed(successorContest.tryClaim(JOBS, "subject", "successor", LONG));
            final byte[] before = tableBytes(successorContest);

            final LeaseLostException lost = assertThrows(LeaseLostException.class, () -> stale.renew(LONG));
            assertTrue(lost.getMessage().contains("successor"), lost.getMessage());
            assertTrue(lost.getMessage().contains(f.name), lost.getMessage());
            assertFalse(stale.release(), "release must say it released nothing");
            stale.close();
            assertArrayEquals(before, tableBytes(successorContest), "the stale guard wrote nothing");

            assertEquals(successor.fenceToken(), yielded(f.contest(2).tryClaim(JOBS, "subject", "third", LONG)).fenceToken());
            successor.renew(LONG);
            assertTrue(successor.release());
        }
    }

    /** A released guard cannot renew, and cannot release the next holder. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void releasedGuardCannotRenewOrReleaseSuccessor(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Guard released = claimed(f.contest(0).tryClaim(JOBS, "subject", "first", LONG));
            assertTrue(released.release());
            final Guard successor = claimed(f.contest(1).tryClaim(JOBS, "subject", "second", LONG));
            assertThrows(LeaseLostException.class, () -> released.renew(LONG));
            assertFalse(released.release());
            assertEquals(successor.fenceToken(), f.contest(2).holder(JOBS, "subject").orElseThrow().fenceToken());
        }
    }

    /** A lease that expired but that nobody took is still the guard's: renewing revives it with its token. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void expiredButUntakenLeaseCanBeRenewed(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Guard guard = claimed(f.contest(0).tryClaim(JOBS, "subject", "holder", TTL_5MS));
            final Contest other = f.contest(1);
            f.advanceMillis(10);
            assertTrue(other.holder(JOBS, "subject").isEmpty(), "expired: no live holder");
            guard.renew(Duration.ofMillis(5));
            assertEquals(guard.fenceToken(), yielded(other.tryClaim(JOBS, "subject", "other", LONG)).fenceToken());
        }
    }

    /** A claim whose holder node is dead is free at once, long before its deadline, and the new token is larger. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void deadHolderNodeFreesItsClaimAtOnce(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Fleet doomed = f.join(1);
            final Guard dead = claimed(Contest.builder(doomed).clock(f.clock).open().tryClaim(JOBS, "subject", "doomed", LONG));
            final Contest survivor = f.contest(0);
            assertEquals(dead.fenceToken(), yielded(survivor.tryClaim(JOBS, "subject", "survivor", LONG)).fenceToken());

            doomed.close(); // its node lease is free: the node is dead
            assertTrue(survivor.holder(JOBS, "subject").isEmpty());
            final Guard next = claimed(survivor.tryClaim(JOBS, "subject", "survivor", LONG));
            assertTrue(next.fenceToken() > dead.fenceToken());
            assertThrows(FleetClosedException.class, () -> dead.renew(LONG), "a guard of a closed fleet never writes again");
            assertFalse(dead.release(), "nor does its release");
            assertEquals(next.fenceToken(), survivor.holder(JOBS, "subject").orElseThrow().fenceToken());
        }
    }

    /** No re-entrance: a second claim of the same process and node yields to its own first claim. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void sameHandleClaimingTwiceYieldsToItself(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest contest = f.contest(0);
            final Guard guard = claimed(contest.tryClaim(JOBS, "subject", "me", LONG));
            assertEquals(guard.fenceToken(), yielded(contest.tryClaim(JOBS, "subject", "me", LONG)).fenceToken());
        }
    }

    /**
     * table-era guard.rs {@code fullStateTableDoesNotEvictLiveSubjects}, on a 16-slot table:
     * the 17th live subject is refused with the capacity, no live subject is touched, and room comes
     * back by release, by expiry and by a dead holder.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void fullStateTableDoesNotEvictLiveSubjects(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest contest = f.contest(0, 16);
            final List<Guard> guards = new ArrayList<>();
            for (int i = 0; i < 16; i++)
            {
                guards.add(claimed(contest.tryClaim(JOBS, "live-" + i, "holder", TTL_5MS)));
            }
            final byte[] full = tableBytes(contest);
            final ContestTableFullException ex = assertThrows(ContestTableFullException.class,
                () -> contest.tryClaim(JOBS, "one-too-many", "holder", LONG));
            assertEquals(16, ex.capacity());
            assertTrue(ex.getMessage().contains(f.name) && ex.getMessage().contains("16") && ex.getMessage().contains("222"),
                ex.getMessage());
            assertArrayEquals(full, tableBytes(contest), "a refused claim writes nothing");
            for (int i = 0; i < 16; i++)
            {
                assertEquals(guards.get(i).fenceToken(), contest.holder(JOBS, "live-" + i).orElseThrow().fenceToken());
            }

            assertTrue(guards.get(3).release());
            claimed(contest.tryClaim(JOBS, "one-too-many", "holder", TTL_5MS));
            assertThrows(ContestTableFullException.class, () -> contest.tryClaim(JOBS, "two-too-many", "holder", LONG));

            f.advanceMillis(6); // every lease expired: all their slots are reusable
            for (int i = 0; i < 16; i++)
            {
                claimed(contest.tryClaim(REPORTS, "after-expiry-" + i, "holder", LONG));
            }
        }
    }

    /** The default 1024-slot table holds exactly 1024 live subjects, as orbit-rs's did. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void defaultTableHolds1024LiveSubjects(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest contest = f.contest(0);
            assertEquals(1024, contest.capacity());
            for (int i = 0; i < 1024; i++)
            {
                claimed(contest.tryClaim(JOBS, "subject-" + i, "holder", LONG));
            }
            assertEquals(1024, assertThrows(ContestTableFullException.class,
                () -> contest.tryClaim(JOBS, "subject-1024", "holder", LONG)).capacity());
        }
    }

    /** A full table whose holders' node died has room: the slow path probes holders and frees theirs. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void fullTableOfADeadNodeHasRoom(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Fleet doomed = f.join(2);
            final Contest filler = Contest.builder(doomed).clock(f.clock).slotCount(8).open();
            for (int i = 0; i < 8; i++)
            {
                claimed(filler.tryClaim(JOBS, "filler-" + i, "doomed", LONG));
            }
            final Contest survivor = f.contest(0, 8);
            assertThrows(ContestTableFullException.class, () -> survivor.tryClaim(JOBS, "new", "survivor", LONG));
            doomed.close();
            claimed(survivor.tryClaim(JOBS, "new", "survivor", LONG));
        }
    }

    /**
     * docs/orbit-rs.md W7 (tombstones never compacted): released slots are reused on insert, so
     * after 20 000 distinct subjects came and went next to 8 live ones in a 64-slot table, lookups
     * still examine at most a live run's length of slots.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void tombstonesAreReusedSoProbesStayShort(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest contest = f.contest(0, 64);
            for (int i = 0; i < 8; i++)
            {
                claimed(contest.tryClaim(JOBS, "resident-" + i, "resident", LONG));
            }
            for (int i = 0; i < 20_000; i++)
            {
                assertTrue(claimed(contest.tryClaim(REPORTS, "visitor-" + i, "visitor", LONG)).release());
            }
            assertTrue(ContestTestHooks.table(contest).probeLimit() <= 9,
                "probe limit " + ContestTestHooks.table(contest).probeLimit() + " grew past the longest possible run of 8 live slots");
            for (int i = 0; i < 8; i++)
            {
                assertEquals("resident", contest.holder(JOBS, "resident-" + i).orElseThrow().owner());
            }
        }
    }
}
