package io.orbit.runtime.contest;

import io.orbit.runtime.exceptions.ContestTableFullException;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.ring.FleetBacking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static io.orbit.runtime.contest.ContestFixture.JOBS;
import static io.orbit.runtime.contest.ContestFixture.LONG;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The zero-allocation claim form: same exclusion, fencing and release guarantees as
 * {@link Contest#tryClaim}, with the outcome in a reusable handle.
 */
class ClaimHandleTest
{
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void claimYieldReleaseAndClaimAgain(final FleetBacking backing)
    {
        try (ContestFixture fixture = new ContestFixture(backing))
        {
            final Contest zero = fixture.contest(0);
            final Contest one = fixture.contest(1);
            final ClaimHandle mine = zero.claimHandle(JOBS, "nightly", "worker-0");
            final ClaimHandle theirs = one.claimHandle(JOBS, "nightly", "worker-1");
            assertEquals(ClaimHandle.CLAIMED, zero.tryClaimInto(mine, LONG));
            assertTrue(mine.isHeld());
            final long first = mine.fenceToken();
            assertEquals(zero.lastFenceToken(), first);

            assertEquals(ClaimHandle.YIELDED, one.tryClaimInto(theirs, LONG), "one live holder per subject");
            assertFalse(theirs.isHeld());
            assertEquals(0, theirs.holderNode());
            assertEquals(first, theirs.holderFenceToken());
            assertEquals(mine.expiresAtNanos(), theirs.holderExpiresAtNanos());
            assertEquals("worker-0", theirs.holder().owner());
            assertFalse(one.tryClaim(JOBS, "nightly", "x", LONG).isClaimed(), "the allocating form sees the same lease");

            assertThrows(InvalidArgumentException.class, () -> zero.tryClaimInto(mine, LONG), "a handle holds one lease at a time");
            assertThrows(InvalidArgumentException.class, () -> one.tryClaimInto(mine, LONG), "a handle of another contest");

            assertTrue(mine.release());
            assertFalse(mine.release(), "released once");
            assertTrue(zero.holder(JOBS, "nightly").isEmpty());
            assertEquals(ClaimHandle.CLAIMED, one.tryClaimInto(theirs, LONG));
            assertTrue(theirs.fenceToken() > first, "a later claim gets a larger fence token");
            for (int round = 0; round < 3; round++)
            {
                assertTrue(theirs.release());
                assertEquals(ClaimHandle.CLAIMED, one.tryClaimInto(theirs, LONG), "the handle is reusable");
            }
            assertTrue(theirs.release());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void releaseNeverTouchesTheLeaseOfTheNextHolder(final FleetBacking backing)
    {
        try (ContestFixture fixture = new ContestFixture(backing))
        {
            final Contest zero = fixture.contest(0);
            final Contest one = fixture.contest(1);
            final ClaimHandle late = zero.claimHandle(JOBS, "report", "slow");
            assertEquals(ClaimHandle.CLAIMED, zero.tryClaimInto(late, Duration.ofSeconds(1)));
            fixture.advanceMillis(2_000); // the lease expires
            final ClaimHandle next = one.claimHandle(JOBS, "report", "fast");
            assertEquals(ClaimHandle.CLAIMED, one.tryClaimInto(next, LONG));
            assertFalse(late.release(), "the expired lease was taken: nothing to release");
            assertEquals(next.fenceToken(), zero.holder(JOBS, "report").orElseThrow().fenceToken(), "the next holder keeps its lease");

            final Guard guard = ((ContestResult.Claimed)zero.tryClaim(JOBS, "other", "g", Duration.ofSeconds(1))).guard();
            fixture.advanceMillis(2_000);
            assertTrue(one.tryClaim(JOBS, "other", "h", LONG).isClaimed());
            assertFalse(guard.release(), "the guard's fast release path checks the slot too");
            assertEquals("h", zero.holder(JOBS, "other").orElseThrow().owner());
        }
    }

    /**
     * A release keeps the slot keyed to its subject (FREE, labels kept): the holder's next claim takes
     * the same slot back from the word its release left, another node's claim finds it in place, and
     * once the slot changed hands the old handle's shortcut fails and it decides from the table.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aReleasedSlotStaysKeyedAndIsClaimedAgainInPlace(final FleetBacking backing)
    {
        try (ContestFixture fixture = new ContestFixture(backing))
        {
            final Contest zero = fixture.contest(0, 1);
            final Contest one = fixture.contest(1, 1);
            final ClaimHandle mine = zero.claimHandle(JOBS, "nightly", "worker-0");
            final ClaimHandle theirs = one.claimHandle(JOBS, "nightly", "worker-1");
            assertEquals(ClaimHandle.CLAIMED, zero.tryClaimInto(mine, LONG));
            final long first = mine.fenceToken();
            assertTrue(mine.release());

            final ContestInspection released = ContestInspection.read(ContestTestHooks.table(zero).buffer());
            assertEquals(List.of(), released.holders(), "a released lease is no holder");
            assertEquals(1, released.free(), "the released slot reads as a valid FREE slot");
            final SlotSnapshot slot = new SlotSnapshot();
            assertEquals(ContestTable.VALID, ContestTestHooks.table(zero).read(0, slot));
            assertTrue(slot.isKeyedTo(mine.key), "the FREE slot keeps its subject");
            assertFalse(slot.isHeld());

            assertEquals(ClaimHandle.CLAIMED, zero.tryClaimInto(mine, LONG), "claimed again in place");
            assertTrue(mine.fenceToken() > first);
            assertEquals("worker-0", one.holder(JOBS, "nightly").orElseThrow().owner());
            assertTrue(mine.release());

            assertEquals(ClaimHandle.CLAIMED, one.tryClaimInto(theirs, LONG), "another node finds the keyed slot");
            assertEquals("worker-1", zero.holder(JOBS, "nightly").orElseThrow().owner(), "the owner label is rewritten");
            assertEquals(ClaimHandle.YIELDED, zero.tryClaimInto(mine, LONG), "the slot moved on: the shortcut must not take it");
            assertEquals(theirs.fenceToken(), mine.holderFenceToken());
            assertEquals(1, mine.holderNode());

            assertTrue(theirs.release());
            final ClaimHandle other = one.claimHandle(JOBS, "other subject", "worker-1");
            assertEquals(ClaimHandle.CLAIMED, one.tryClaimInto(other, LONG), "a keyed FREE slot is reused by another subject");
            assertThrows(ContestTableFullException.class, () -> one.tryClaimInto(theirs, LONG),
                "the slot now holds another subject's live lease: the old key must not take it");
            assertEquals(other.fenceToken(), zero.holder(JOBS, "other subject").orElseThrow().fenceToken());
        }
    }
}
