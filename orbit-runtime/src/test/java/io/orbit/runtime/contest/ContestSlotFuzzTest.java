package io.orbit.runtime.contest;

import io.orbit.runtime.exceptions.ContestTableFullException;
import io.orbit.runtime.exceptions.LeaseLostException;
import io.orbit.runtime.ring.FleetBacking;
import org.agrona.concurrent.AtomicBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static io.orbit.runtime.contest.ContestFixture.*;
import static io.orbit.runtime.contest.ContestLayout.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The slot decoder under hostile bytes: random slots, random ranges, bit flips of real leases, torn
 * mixes of two real images of one slot and truncated images. Whatever is in a slot, the contest
 * never throws anything but its documented exceptions, never hangs, and never reports a holder that
 * no claim wrote: every holder it reports equals, field for field, a lease a guard held.
 */
class ContestSlotFuzzTest
{
    private static final int SLOTS = 8;
    private static final String[] SUBJECTS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta"};

    /** The raw decoder: random bytes in a slot never read as a valid lease. */
    @Test
    void randomSlotsNeverDecodeAsALease()
    {
        try (ContestFixture f = new ContestFixture(FleetBacking.LOCAL))
        {
            final Contest contest = f.contest(0, SLOTS);
            final ContestTable table = ContestTestHooks.table(contest);
            final AtomicBuffer buffer = table.buffer();
            final Random random = new Random(0xC0FFEE);
            final SlotSnapshot snapshot = new SlotSnapshot();
            final byte[] bytes = new byte[SLOT_SIZE];
            int corrupt = 0;
            for (int i = 0; i < 20_000; i++)
            {
                random.nextBytes(bytes);
                if (random.nextBoolean())
                {
                    bytes[0] &= (byte)0xFE; // an even seq word: the body is checked, not just "busy"
                }
                if (random.nextInt(4) == 0)
                {
                    bytes[DESCRIPTOR_OFFSET + 2] = (byte)(1 + random.nextInt(2)); // a plausible state
                    bytes[DESCRIPTOR_OFFSET + 4] = (byte)random.nextInt(MAX_SUBJECT_BYTES + 1); // plausible lengths
                    bytes[DESCRIPTOR_OFFSET + 5] = (byte)random.nextInt(MAX_OWNER_BYTES + 1);
                    bytes[DESCRIPTOR_OFFSET + 6] = 0;
                    bytes[DESCRIPTOR_OFFSET + 7] = 0;
                }
                final int slot = random.nextInt(SLOTS);
                buffer.putBytes(slotOffset(slot), bytes);
                final int status = table.read(slot, snapshot);
                assertNotEquals(ContestTable.VALID, status, "random bytes decoded as a slot");
                corrupt += status == ContestTable.CORRUPT ? 1 : 0;
            }
            assertTrue(corrupt > 5_000, "even words with random bodies must read corrupt, got " + corrupt);
        }
    }

    /**
     * Thousands of rounds: real leases are claimed (some renewed, released, expired), one slot is
     * damaged, then every subject is looked up, claimed and every guard renewed and released.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void damagedSlotsNeverYieldATornLease(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            // Nodes 1..3 of the fleet are dead; a pending bound of 1 ms keeps odd words naming node 0 (alive) cheap.
            final Contest contest = Contest.builder(f.join(0)).clock(f.clock).slotCount(SLOTS).pendingBound(Duration.ofMillis(1)).open();
            final ContestTable table = ContestTestHooks.table(contest);
            final AtomicBuffer buffer = table.buffer();
            final Random random = new Random(20240601L + backing.ordinal());
            final Set<Holder> written = new HashSet<>();
            final byte[] image = new byte[SLOT_SIZE];
            final byte[] other = new byte[SLOT_SIZE];
            int reported = 0;
            for (int round = 0; round < 10_000; round++)
            {
                buffer.setMemory(HEADER_SIZE, SLOTS * SLOT_SIZE, (byte)0); // a fresh table each round (tokens keep rising)
                buffer.putIntVolatile(PROBE_LIMIT_OFFSET, 0);
                final List<Guard> guards = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--)
                {
                    claimInto(contest, random, guards, written);
                }
                final int slot = random.nextInt(SLOTS);
                final int mode = random.nextInt(5);
                buffer.getBytes(slotOffset(slot), image);
                switch (mode)
                {
                    case 0 -> random.nextBytes(image);
                    case 1 ->
                    {
                        final int from = random.nextInt(SLOT_SIZE);
                        final byte[] noise = new byte[1 + random.nextInt(SLOT_SIZE - from)];
                        random.nextBytes(noise);
                        System.arraycopy(noise, 0, image, from, noise.length);
                    }
                    case 2 -> image[random.nextInt(SLOT_SIZE)] ^= (byte)(1 << random.nextInt(8));
                    case 3 ->
                    {
                        // Two real images of one slot, torn at a random byte: the next lease is written over the first.
                        for (final Guard guard : guards)
                        {
                            guard.release();
                        }
                        claimInto(contest, random, guards, written);
                        buffer.getBytes(slotOffset(slot), other);
                        final int cut = 1 + random.nextInt(SLOT_SIZE - 1);
                        System.arraycopy(other, cut, image, cut, SLOT_SIZE - cut);
                        image[0] &= (byte)0xFE; // even: the tear is invisible to the seq word
                    }
                    default ->
                    {
                        final int cut = random.nextInt(SLOT_SIZE);
                        Arrays.fill(image, cut, SLOT_SIZE, (byte)0); // a truncated write
                    }
                }
                buffer.putBytes(slotOffset(slot), image);
                if (random.nextInt(3) == 0)
                {
                    f.advanceMillis(random.nextInt(20));
                }
                reported += exercise(contest, random, guards, written);
            }
            assertTrue(reported > 3_000, "the rounds must also see real holders, saw " + reported);
        }
    }

    private static void claimInto(final Contest contest, final Random random, final List<Guard> guards, final Set<Holder> written)
    {
        final ContestResult result = contest.tryClaim(
            1 + random.nextInt(2), SUBJECTS[random.nextInt(SUBJECTS.length)], "owner-" + random.nextInt(1000),
            Duration.ofMillis(1 + random.nextInt(30)));
        if (result instanceof ContestResult.Claimed claimed)
        {
            guards.add(claimed.guard());
            written.add(claimed.guard().holder());
        }
    }

    /** @return how many holders the contest reported (each checked against the leases written). */
    private static int exercise(final Contest contest, final Random random, final List<Guard> guards, final Set<Holder> written)
    {
        int reported = 0;
        for (final String subject : SUBJECTS)
        {
            for (int type = 1; type <= 2; type++)
            {
                final Optional<Holder> holder = contest.holder(type, subject);
                if (holder.isPresent())
                {
                    assertTrue(written.contains(holder.get()), () -> "reported a lease nobody wrote: " + holder.get());
                    reported++;
                }
            }
        }
        for (int i = 0; i < 2; i++)
        {
            try
            {
                final ContestResult result = contest.tryClaim(
                    1 + random.nextInt(2), SUBJECTS[random.nextInt(SUBJECTS.length)], "late", Duration.ofMillis(5));
                if (result instanceof ContestResult.Claimed claimed)
                {
                    guards.add(claimed.guard());
                    written.add(claimed.guard().holder());
                }
                else
                {
                    assertTrue(written.contains(result.holder()), () -> "yielded to a lease nobody wrote: " + result.holder());
                    reported++;
                }
            }
            catch (final ContestTableFullException full)
            {
                // Documented: every slot may hold a live lease.
            }
        }
        for (final Guard guard : guards)
        {
            try
            {
                guard.renew(Duration.ofMillis(10));
                written.add(guard.holder());
            }
            catch (final LeaseLostException lost)
            {
                // Documented: the slot was damaged, or the lease expired and was taken.
            }
            guard.release();
        }
        return reported;
    }
}
