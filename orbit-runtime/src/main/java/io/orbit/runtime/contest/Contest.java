package io.orbit.runtime.contest;

import io.orbit.runtime.ContestTableFullException;
import io.orbit.runtime.FrameTooLargeException;
import io.orbit.runtime.InvalidValueException;
import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.segment.Segment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Claim/yield leases with fencing over the fleet's contest table (reserved KIND 222): at most one
 * live holder per subject across every process of the fleet.
 *
 * <pre>{@code
 * Contest contest = Contest.open(fleet);
 * ContestResult result = contest.tryClaim(REPORTS, "2024-06-01", "worker-3", Duration.ofSeconds(30));
 * if (result instanceof ContestResult.Claimed claimed)
 * {
 *     try (Guard guard = claimed.guard())   // leaving the block releases the lease
 *     {
 *         produce(guard.fenceToken());      // renew(ttl) periodically for long work
 *     }
 * }
 * else
 * {
 *     log.info("yielding to {}", result.holder());
 * }
 * }</pre>
 *
 * <p><b>Semantics.</b> A subject is a (subject type, label) pair; the subject type is a namespace
 * number 0-255, by convention the {@code kind} of a class annotated
 * {@link io.orbit.annotations.ContestType @ContestType} (that annotation has CLASS retention, so it
 * cannot be read at run time: pass its kind as an int; the annotation processor checks at compile
 * time that no two {@code @ContestType} classes share a kind). {@link #tryClaim} is one immediate
 * attempt: it returns {@link ContestResult.Claimed} when no live lease holds the subject, and
 * {@link ContestResult.YieldTo} naming the holder otherwise. A lease is live until its deadline
 * ({@code now + ttl} on the monotonic clock shared by the host's processes); a lease whose holder's
 * node is dead (its node lease is free, or held by another process) is free at once. Every
 * successful claim gets a fence token larger than every earlier one of the fleet.
 *
 * <p><b>Limits.</b> Subject labels up to {@value #MAX_SUBJECT_BYTES} UTF-8 bytes, owner
 * labels up to {@value #MAX_OWNER_BYTES} ({@link FrameTooLargeException} past them);
 * {@link #DEFAULT_SLOT_COUNT} subjects held at once unless the table was created with another slot
 * count ({@link ContestTableFullException} past it; live leases are never evicted).
 *
 * <p><b>Cost.</b> The uncontended paths (claiming a free subject, renewing, releasing) are a few
 * CAS operations on shared memory: no system call, no liveness probe. A claim probes the liveness of
 * a holder of another node only when that live-looking holder blocks it, at most once per call.
 *
 * <p>Thread-safe; handles of one fleet share the table.
 */
public final class Contest
{
    /** Slots of a table created by {@link #open(Fleet)}. */
    public static final int DEFAULT_SLOT_COUNT = ContestLayout.DEFAULT_SLOT_COUNT;
    /** Longest subject label, in UTF-8 bytes. */
    public static final int MAX_SUBJECT_BYTES = ContestLayout.MAX_SUBJECT_BYTES;
    /** Longest owner label, in UTF-8 bytes. */
    public static final int MAX_OWNER_BYTES = ContestLayout.MAX_OWNER_BYTES;
    /** Default bound of the wait for a live process's unfinished slot update before taking the slot over. */
    public static final Duration DEFAULT_PENDING_BOUND = Duration.ofSeconds(1);

    /** Longest time to live: deadlines stay comparable by subtraction. */
    private static final long MAX_TTL_NANOS = 1L << 62;

    private final Fleet fleet;
    private final OrbitClock clock;
    private final ContestTable table;
    private final AtomicLong claims = new AtomicLong();
    private final AtomicLong yields = new AtomicLong();
    private final Segment segment;
    private final int mask;

    private Contest(final Fleet fleet, final OrbitClock clock, final int slotCount, final Duration pendingBound)
    {
        this.fleet = fleet;
        this.clock = clock;
        this.segment = fleet.table(ContestLayout.KIND, new ContestSegmentFormat(fleet.name(), slotCount));
        this.table = new ContestTable(segment.buffer(), slotCount, fleet, pendingBound.toNanos());
        this.mask = slotCount - 1;
    }

    /**
     * Opens (creates or attaches to) the fleet's contest table with the default slot count and the
     * fleet's clock.
     *
     * @param fleet the fleet.
     * @return the contest.
     * @throws io.orbit.runtime.SegmentLayoutException when the table exists with another layout.
     */
    public static Contest open(final Fleet fleet)
    {
        return builder(fleet).open();
    }

    /**
     * @param fleet the fleet.
     * @return a builder for a contest with a chosen clock, slot count or pending bound.
     */
    public static Builder builder(final Fleet fleet)
    {
        return new Builder(fleet);
    }

    /**
     * Tries once to claim a subject.
     *
     * @param subjectType the subject's namespace, 0-255 (a {@code @ContestType} kind).
     * @param label       the subject label, at most {@value #MAX_SUBJECT_BYTES} UTF-8 bytes.
     * @param owner       who claims, for observers, at most {@value #MAX_OWNER_BYTES} UTF-8 bytes.
     * @param ttl         how long the lease lives unless renewed, positive.
     * @return {@link ContestResult.Claimed} with the guard of the new lease, or {@link ContestResult.YieldTo}
     *         naming the live holder.
     * @throws FrameTooLargeException     when a label is past its limit (nothing is written).
     * @throws InvalidValueException      for a null label, a subject type outside 0-255 or a non-positive ttl.
     * @throws ContestTableFullException  when the subject is new and every slot holds a live lease.
     */
    public ContestResult tryClaim(final int subjectType, final String label, final String owner, final Duration ttl)
    {
        final ContestResult result = claimOnce(subjectType, label, owner, ttl);
        (result instanceof ContestResult.Claimed ? claims : yields).incrementAndGet();
        return result;
    }

    /**
     * @return claims this handle won through {@link #tryClaim} (for metrics).
     */
    public long claims()
    {
        return claims.get();
    }

    /**
     * @return claims this handle lost through {@link #tryClaim}: another live holder had the subject (for metrics).
     */
    public long yields()
    {
        return yields.get();
    }

    private ContestResult claimOnce(final int subjectType, final String label, final String owner, final Duration ttl)
    {
        checkSubjectType(subjectType);
        final byte[] subject = utf8(label, "subject label", MAX_SUBJECT_BYTES);
        final byte[] ownerBytes = utf8(owner, "owner label", MAX_OWNER_BYTES);
        final long ttlNanos = ttlNanos(ttl);
        final long hash = ContestTable.subjectHash(subjectType, subject);
        final int home = (int)hash & mask;
        final SlotSnapshot snapshot = new SlotSnapshot();
        boolean probed = false;
        while (true)
        {
            final int slot = find(home, subjectType, hash, subject, snapshot);
            if (slot < 0)
            {
                final ContestResult inserted = insert(home, subjectType, hash, subject, ownerBytes, ttlNanos, snapshot);
                if (inserted != null)
                {
                    return inserted;
                }
                continue; // the subject is in the table after all: decide on its slot
            }
            if (snapshot.isLiveAt(clock.monotonicNanos()))
            {
                final boolean ownProcess = snapshot.holderNode == table.node() && snapshot.holderPid == table.pid();
                if (ownProcess || probed)
                {
                    return new ContestResult.YieldTo(snapshot.toHolder());
                }
                probed = true; // the live-looking holder blocks us: probe its node once per call
                if (!table.holderDead(snapshot.holderNode, snapshot.holderPid))
                {
                    return new ContestResult.YieldTo(snapshot.toHolder());
                }
            }
            final Guard guard = claimAt(slot, snapshot.word, subjectType, hash, subject, ownerBytes, ttlNanos);
            if (guard != null)
            {
                return new ContestResult.Claimed(guard);
            }
            // The expired or orphaned lease changed under us (someone else claimed, renewed or released it): look again.
        }
    }

    /**
     * The current live holder of a subject, without claiming it. Probes the holder's node (once)
     * when it is another node's, so a dead holder reads as none.
     *
     * @param subjectType the subject's namespace, 0-255.
     * @param label       the subject label.
     * @return the live holder, or empty when the subject is free.
     */
    public Optional<Holder> holder(final int subjectType, final String label)
    {
        checkSubjectType(subjectType);
        final byte[] subject = utf8(label, "subject label", MAX_SUBJECT_BYTES);
        final long hash = ContestTable.subjectHash(subjectType, subject);
        final SlotSnapshot snapshot = new SlotSnapshot();
        final int slot = find((int)hash & mask, subjectType, hash, subject, snapshot);
        if (slot < 0 || !snapshot.isLiveAt(clock.monotonicNanos()) || table.holderDead(snapshot.holderNode, snapshot.holderPid))
        {
            return Optional.empty();
        }
        return Optional.of(snapshot.toHolder());
    }

    /**
     * @return the table's slot count: the most subjects held at once.
     */
    public int capacity()
    {
        return table.slotCount();
    }

    /**
     * @return the last fence token issued in the fleet (0 before the first claim).
     */
    public long lastFenceToken()
    {
        return table.lastFenceToken();
    }

    /**
     * @return the fleet.
     */
    public Fleet fleet()
    {
        return fleet;
    }

    /**
     * @return the clock deadlines are taken from.
     */
    public OrbitClock clock()
    {
        return clock;
    }

    ContestTable table()
    {
        return table;
    }

    Segment segment()
    {
        return segment;
    }

    /**
     * The slot holding a subject's lease (live or not), looking at most {@code probe_limit} slots
     * from its home and stopping at a never-written slot (no subject is ever inserted past one).
     *
     * @return the slot, with its content in {@code snapshot}; -1 when the subject holds no slot.
     */
    private int find(final int home, final int subjectType, final long hash, final byte[] subject, final SlotSnapshot snapshot)
    {
        final int limit = table.probeLimit();
        for (int i = 0; i < limit; i++)
        {
            final int slot = (home + i) & mask;
            final int status = table.readStable(slot, snapshot);
            if (status == ContestTable.EMPTY)
            {
                return -1;
            }
            if (status == ContestTable.VALID && snapshot.holds(subjectType, hash, subject))
            {
                return slot;
            }
        }
        return -1;
    }

    /**
     * Inserts a lease for a subject that holds no slot, under the home slot's insert lock: with the
     * lock, no other claimant of this subject can insert it elsewhere meanwhile.
     *
     * @return the claim, or null when the subject turned out to hold a slot.
     */
    private ContestResult insert(
        final int home,
        final int subjectType,
        final long hash,
        final byte[] subject,
        final byte[] owner,
        final long ttlNanos,
        final SlotSnapshot snapshot)
    {
        table.lockInsert(home);
        try
        {
            if (find(home, subjectType, hash, subject, snapshot) >= 0)
            {
                return null;
            }
            while (true)
            {
                int slot = reusable(home, snapshot);
                if (slot < 0)
                {
                    slot = reusableAfterProbing(home, snapshot);
                }
                if (slot < 0)
                {
                    throw new ContestTableFullException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND
                        + "): the contest table is full, all " + table.slotCount() + " slots hold live leases; release "
                        + "leases or create the table with more slots (Contest.builder(fleet).slotCount(n))", table.slotCount());
                }
                final long odd = table.begin(slot, snapshot.word);
                if (odd == 0)
                {
                    continue; // another subject took that slot first: choose again
                }
                table.raiseProbeLimit(((slot - home) & mask) + 1); // lookups must reach the new lease
                final Guard guard = complete(slot, odd, subjectType, hash, subject, owner, ttlNanos);
                if (guard != null)
                {
                    return new ContestResult.Claimed(guard);
                }
            }
        }
        finally
        {
            table.unlockInsert(home);
        }
    }

    /**
     * The first slot from {@code home} without a live lease: never written, free (a tombstone),
     * corrupt or expired. Taking the first keeps every subject close to its home, so lookups stay
     * short however many subjects came and went. Slots being updated are skipped; nothing is probed.
     * Leaves the chosen slot's seq word in {@code snapshot}.
     */
    private int reusable(final int home, final SlotSnapshot snapshot)
    {
        final long now = clock.monotonicNanos();
        for (int i = 0; i < table.slotCount(); i++)
        {
            final int slot = (home + i) & mask;
            final int status = table.read(slot, snapshot);
            if (status == ContestTable.EMPTY || status == ContestTable.CORRUPT
                || (status == ContestTable.VALID && !snapshot.isLiveAt(now)))
            {
                return slot;
            }
        }
        return -1;
    }

    /**
     * The table looked full: look again waiting out updates in progress, and free the leases of dead
     * holders (probing each holder node once). Only reached when no slot was reusable at first sight.
     */
    private int reusableAfterProbing(final int home, final SlotSnapshot snapshot)
    {
        final Map<Long, Boolean> dead = new HashMap<>();
        final long now = clock.monotonicNanos();
        for (int i = 0; i < table.slotCount(); i++)
        {
            final int slot = (home + i) & mask;
            final int status = table.readStable(slot, snapshot);
            if (status != ContestTable.VALID || !snapshot.isLiveAt(now))
            {
                return slot;
            }
            final int node = snapshot.holderNode;
            final long pid = snapshot.holderPid;
            if (dead.computeIfAbsent(((long)node << 48) ^ pid, key -> table.holderDead(node, pid)))
            {
                return slot;
            }
        }
        return -1;
    }

    /** Takes a subject's existing slot, whose expired or orphaned lease was read with {@code word}. */
    private Guard claimAt(
        final int slot,
        final long word,
        final int subjectType,
        final long hash,
        final byte[] subject,
        final byte[] owner,
        final long ttlNanos)
    {
        final long odd = table.begin(slot, word);
        return odd == 0 ? null : complete(slot, odd, subjectType, hash, subject, owner, ttlNanos);
    }

    /** Writes a new lease into a slot this claimant is updating, with a fresh fence token. */
    private Guard complete(
        final int slot,
        final long odd,
        final int subjectType,
        final long hash,
        final byte[] subject,
        final byte[] owner,
        final long ttlNanos)
    {
        final long token = table.nextFenceToken(); // taken inside the update: a later holder always gets a larger one
        final long now = clock.monotonicNanos();
        final long expiresAt = deadline(now, ttlNanos);
        table.writeLease(slot, hash, token, now, expiresAt, subjectType, subject, owner);
        if (!table.commit(slot, odd))
        {
            return null; // taken over while writing (we were paused past the pending bound): try again
        }
        final Holder holder = new Holder(subjectType, new String(subject, StandardCharsets.UTF_8),
            new String(owner, StandardCharsets.UTF_8), table.node(), table.pid(), token, now, expiresAt);
        return new Guard(this, table, slot, hash, subject, owner, holder);
    }

    static long deadline(final long now, final long ttlNanos)
    {
        final long deadline = now + ttlNanos;
        return ((now ^ deadline) & (ttlNanos ^ deadline)) < 0 ? Long.MAX_VALUE : deadline; // saturate on overflow
    }

    long ttlNanos(final Duration ttl)
    {
        if (ttl == null || ttl.isNegative() || ttl.isZero())
        {
            throw new InvalidValueException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND
                + "): a lease's ttl must be positive, was " + ttl);
        }
        return ttl.compareTo(Duration.ofNanos(MAX_TTL_NANOS)) > 0 ? MAX_TTL_NANOS : ttl.toNanos();
    }

    private void checkSubjectType(final int subjectType)
    {
        if (subjectType < 0 || subjectType > 255)
        {
            throw new InvalidValueException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND
                + "): subject type must be 0..255 (a @ContestType kind), was " + subjectType);
        }
    }

    private byte[] utf8(final String text, final String what, final int limit)
    {
        if (text == null)
        {
            throw new InvalidValueException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND + "): the " + what + " is null");
        }
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limit)
        {
            throw new FrameTooLargeException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND + "): the " + what + " is "
                + bytes.length + " UTF-8 bytes; the limit is " + limit);
        }
        return bytes;
    }

    @Override
    public String toString()
    {
        return "Contest{fleet=" + fleet.name() + ", node=" + fleet.node() + ", slots=" + table.slotCount() + "}";
    }

    /**
     * Options of a contest handle. The slot count must match the table's if it already exists.
     */
    public static final class Builder
    {
        private final Fleet fleet;
        private OrbitClock clock;
        private int slotCount = DEFAULT_SLOT_COUNT;
        private Duration pendingBound;

        private Builder(final Fleet fleet)
        {
            if (fleet == null)
            {
                throw new InvalidValueException("Contest: the fleet is null");
            }
            this.fleet = fleet;
            this.clock = fleet.clock();
            this.pendingBound = fleet.pendingBound();
        }

        /**
         * @param clock source of lease deadlines (monotonic nanoseconds); tests pass a {@link io.orbit.runtime.ManualClock}.
         * @return this builder.
         */
        public Builder clock(final OrbitClock clock)
        {
            if (clock == null)
            {
                throw new InvalidValueException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND + "): the clock is null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * @param slotCount slots of the table, a power of two from 1 to 2^20 (default {@value #DEFAULT_SLOT_COUNT}).
         * @return this builder.
         */
        public Builder slotCount(final int slotCount)
        {
            if (slotCount < 1 || slotCount > ContestLayout.MAX_SLOT_COUNT || Integer.bitCount(slotCount) != 1)
            {
                throw new InvalidValueException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND
                    + "): the contest table's slot count must be a power of two from 1 to " + ContestLayout.MAX_SLOT_COUNT
                    + ", was " + slotCount);
            }
            this.slotCount = slotCount;
            return this;
        }

        /**
         * @param pendingBound how long to wait for a live process's unfinished slot update (or insert
         *                     lock) before taking it over; positive (default the fleet's
         *                     {@link Fleet#pendingBound()}, 1 s unless configured). Dead processes'
         *                     updates are taken over at once.
         * @return this builder.
         */
        public Builder pendingBound(final Duration pendingBound)
        {
            if (pendingBound == null || pendingBound.isNegative() || pendingBound.isZero())
            {
                throw new InvalidValueException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND
                    + "): the pending bound must be positive, was " + pendingBound);
            }
            this.pendingBound = pendingBound;
            return this;
        }

        /**
         * @return the contest over the fleet's table (created or attached).
         * @throws io.orbit.runtime.SegmentLayoutException when the table exists with another layout or slot count.
         */
        public Contest open()
        {
            return new Contest(fleet, clock, slotCount, pendingBound);
        }
    }
}
