package io.orbit.runtime.contest;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.exceptions.Arguments;
import io.orbit.runtime.exceptions.ContestTableFullException;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
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
 * labels up to {@value #MAX_OWNER_BYTES} ({@link PayloadTooLargeException} past them);
 * {@link #DEFAULT_SLOT_COUNT} subjects held at once unless the table was created with another slot
 * count ({@link ContestTableFullException} past it; live leases are never evicted).
 *
 * <p><b>Cost.</b> The uncontended paths (claiming a free subject, renewing, releasing) are a few
 * CAS operations on shared memory: no system call, no liveness probe. A claim probes the liveness of
 * a holder of another node only when that live-looking holder blocks it, at most once per call.
 *
 * <p>Thread-safe; handles of one fleet share the table.
 *
 * <p>Longer than this project's ~500-line rule because it is the whole public surface of a contest
 * (claim, renew, release, inspect, builder), each method with the javadoc its guarantees need; the
 * slot protocol itself lives in {@link ContestTable}.
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

    /** {@link #release} outcome: the lease was not this claimant's any more (released, or expired and taken). */
    static final long NOT_RELEASED = -1; // odd: never a committed seq word

    /** Longest time to live: deadlines stay comparable by subtraction. */
    private static final long MAX_TTL_NANOS = 1L << 62;
    /** {@link #MAX_TTL_NANOS} as a Duration, made once: the zero-allocation claim compares against it. */
    private static final Duration MAX_TTL = Duration.ofNanos(MAX_TTL_NANOS);

    private final Fleet fleet;
    private final OrbitClock clock;
    private final ContestTable table;
    private final AtomicLong claims = new AtomicLong();
    private final AtomicLong yields = new AtomicLong();
    private final int mask;

    private Contest(final Fleet fleet, final OrbitClock clock, final int slotCount, final Duration pendingBound)
    {
        this.fleet = fleet;
        this.clock = clock;
        final Segment segment = fleet.table(ContestLayout.KIND, new ContestSegmentFormat(fleet.name(), slotCount));
        this.table = new ContestTable(segment.buffer(), slotCount, fleet, pendingBound.toNanos());
        this.mask = slotCount - 1;
    }

    /**
     * Opens (creates or attaches to) the fleet's contest table with the default slot count and the
     * fleet's clock.
     *
     * @param fleet the fleet.
     * @return the contest.
     * @throws io.orbit.runtime.exceptions.SegmentLayoutException when the table exists with another layout.
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
     * @throws PayloadTooLargeException     when a label is past its limit (nothing is written).
     * @throws InvalidArgumentException   for a null or empty label, a subject type outside 0-255 or a non-positive ttl.
     * @throws io.orbit.runtime.exceptions.FleetClosedException once the fleet is closed.
     * @throws ContestTableFullException  when the subject is new and every slot holds a live lease.
     */
    public ContestResult tryClaim(final int subjectType, final String label, final String owner, final Duration ttl)
    {
        checkOpen("claim a contest subject");
        final ClaimHandle handle = claimHandle(subjectType, label, owner);
        if (counted(claim(handle, ttlNanos(ttl))) == ClaimHandle.YIELDED)
        {
            return new ContestResult.YieldTo(handle.holder());
        }
        final Holder holder = new Holder(subjectType, label, owner, table.node(), table.pid(), handle.fenceToken,
            handle.claimedAtNanos, handle.expiresAtNanos);
        return new ContestResult.Claimed(new Guard(this, table, handle.slot, handle.key, holder, handle.committedWord));
    }

    /**
     * @return claims this handle won through {@link #tryClaim} or {@link #tryClaimInto} (for metrics).
     */
    public long claims()
    {
        return claims.get();
    }

    /**
     * @return claims this handle lost (another live holder had the subject) through {@link #tryClaim}
     *         or {@link #tryClaimInto} (for metrics).
     */
    public long yields()
    {
        return yields.get();
    }

    private int counted(final int outcome)
    {
        (outcome == ClaimHandle.CLAIMED ? claims : yields).incrementAndGet(); // allocation-free counters for metrics
        return outcome;
    }

    /**
     * A reusable claim of one subject by one owner for {@link #tryClaimInto}: the labels are checked
     * and encoded once, here.
     *
     * @param subjectType the subject's namespace, 0-255 (a {@code @ContestType} kind).
     * @param label       the subject label, at most {@value #MAX_SUBJECT_BYTES} UTF-8 bytes.
     * @param owner       who claims, at most {@value #MAX_OWNER_BYTES} UTF-8 bytes.
     * @return the handle.
     * @throws PayloadTooLargeException when a label is past its limit.
     * @throws InvalidArgumentException for a null or empty label or a subject type outside 0-255.
     */
    public ClaimHandle claimHandle(final int subjectType, final String label, final String owner)
    {
        checkSubjectType(subjectType);
        return new ClaimHandle(this, subjectType, utf8(label, "subject label", MAX_SUBJECT_BYTES),
            utf8(owner, "owner label", MAX_OWNER_BYTES));
    }

    /**
     * The zero-allocation form of {@link #tryClaim}: tries once to claim the handle's subject and
     * leaves the outcome in the handle (release with {@link ClaimHandle#release()}).
     *
     * @param handle a handle of this contest that holds no lease.
     * @param ttl    how long the lease lives, positive.
     * @return {@link ClaimHandle#CLAIMED}, or {@link ClaimHandle#YIELDED} with the live holder's
     *         node, pid, fence token and deadline in the handle.
     * @throws InvalidArgumentException for a non-positive ttl, a handle of another contest or one that holds its lease.
     * @throws ContestTableFullException when the subject is new and every slot holds a live lease.
     */
    public int tryClaimInto(final ClaimHandle handle, final Duration ttl)
    {
        if (handle == null || handle.contest != this)
        {
            throw new InvalidArgumentException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND
                + "): the claim handle was not made by this contest (Contest.claimHandle)");
        }
        checkOpen("claim a contest subject");
        handle.ensureFree();
        return counted(claim(handle, ttlNanos(ttl)));
    }

    /**
     * One claim attempt; the outcome (lease or blocking holder) lands in the handle. A handle whose
     * release left its slot FREE and keyed to the subject first tries to take that slot back from the
     * seq word the release committed: an unchanged word proves the slot untouched since (still this
     * subject's, the only one keyed to it, holding no lease), so there is nothing to look up.
     */
    private int claim(final ClaimHandle handle, final long ttlNanos)
    {
        final SubjectKey key = handle.key;
        final long released = handle.releasedWord;
        if (released != 0)
        {
            handle.releasedWord = 0;
            final long odd = table.begin(handle.slot, released);
            if (odd != 0 && complete(handle.slot, odd, handle, ttlNanos, false))
            {
                return ClaimHandle.CLAIMED;
            }
        }
        final int home = (int)key.subjectHash & mask;
        final SlotSnapshot snapshot = handle.snapshot;
        boolean probed = false;
        while (true)
        {
            final int slot = find(home, key, snapshot);
            if (slot < 0)
            {
                final int inserted = insert(home, handle, ttlNanos);
                if (inserted >= 0)
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
                    return ClaimHandle.YIELDED;
                }
                probed = true; // the live-looking holder blocks us: probe its node once per call
                if (!table.holderDead(snapshot.holderNode, snapshot.holderPid))
                {
                    return ClaimHandle.YIELDED;
                }
            }
            final long odd = table.begin(slot, snapshot.word);
            if (odd != 0 && complete(slot, odd, handle, ttlNanos, true))
            {
                return ClaimHandle.CLAIMED;
            }
            // The expired or orphaned lease changed under us (someone else claimed, renewed or released it): look again.
        }
    }

    /**
     * Releases a lease if it is still the one claimed: at once when the slot's seq word is still the
     * one the claim committed (nothing touched the slot since), else after reading the slot. The slot
     * stays keyed to the subject (FREE, labels kept), so the subject's next claim finds it in place.
     *
     * @return {@link #NOT_RELEASED}; or the seq word the release committed, 0 when a taker freed the
     *         slot meanwhile (released either way).
     */
    long release(
        final int slot,
        final long committedWord,
        final SubjectKey key,
        final long fenceToken,
        final long claimedAt,
        final long expiresAt,
        final SlotSnapshot snapshot)
    {
        long odd = committedWord == 0 ? 0 : table.begin(slot, committedWord);
        long deadline = expiresAt;
        while (odd == 0)
        {
            if (table.readStable(slot, snapshot, key) != ContestTable.VALID || !snapshot.holds(key) || snapshot.fenceToken != fenceToken)
            {
                return NOT_RELEASED;
            }
            deadline = snapshot.expiresAt; // renewed through another path since: the checksum covers the slot's deadline
            odd = table.begin(slot, snapshot.word); // 0: the slot changed since the read, look again
        }
        table.writeReleased(slot, key, fenceToken, claimedAt, deadline);
        // A failed commit means a taker already freed the slot: released either way, but nothing to reuse.
        return table.commit(slot, odd) ? ContestLayout.seqWord(ContestLayout.sequence(odd) + 1, table.node()) : 0;
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
        final SubjectKey key = new SubjectKey(subjectType, utf8(label, "subject label", MAX_SUBJECT_BYTES), null);
        final SlotSnapshot snapshot = new SlotSnapshot();
        final int slot = find((int)key.subjectHash & mask, key, snapshot);
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

    /**
     * The slot keyed to a subject (a lease, live or not, or one its holder released), looking at most
     * {@code probe_limit} slots from its home and stopping at a never-written slot (no subject is
     * ever inserted past one). At most one slot is keyed to a subject: only an insert under the
     * subject's home insert lock keys a slot to it, and only after this lookup found none.
     *
     * @return the slot, with its content in {@code snapshot}; -1 when the subject holds no slot.
     */
    private int find(final int home, final SubjectKey key, final SlotSnapshot snapshot)
    {
        final int limit = table.probeLimit();
        for (int i = 0; i < limit; i++)
        {
            final int slot = (home + i) & mask;
            final int status = table.readStable(slot, snapshot, key);
            if (status == ContestTable.EMPTY)
            {
                return -1;
            }
            if (status == ContestTable.VALID && snapshot.isKeyedTo(key))
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
     * @return {@link ClaimHandle#CLAIMED}, or -1 when the subject turned out to hold a slot.
     */
    private int insert(final int home, final ClaimHandle handle, final long ttlNanos)
    {
        final SlotSnapshot snapshot = handle.snapshot;
        table.lockInsert(home);
        try
        {
            if (find(home, handle.key, snapshot) >= 0)
            {
                return -1;
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
                if (complete(slot, odd, handle, ttlNanos, true))
                {
                    return ClaimHandle.CLAIMED;
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
            final int status = table.readLiveness(slot, snapshot, now);
            if (status == ContestTable.EMPTY || status == ContestTable.REUSABLE)
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

    /**
     * Writes a new lease into a slot this claimant is updating, with a fresh fence token; records it in the handle.
     *
     * @param labels false when the slot is the handle's own released one (its labels are already there).
     */
    private boolean complete(final int slot, final long odd, final ClaimHandle handle, final long ttlNanos, final boolean labels)
    {
        final long token = table.nextFenceToken(); // taken inside the update: a later holder always gets a larger one
        final long now = clock.monotonicNanos();
        final long expiresAt = deadline(now, ttlNanos);
        table.writeLease(slot, handle.key, token, now, expiresAt, labels);
        if (!table.commit(slot, odd))
        {
            return false; // taken over while writing (we were paused past the pending bound): try again
        }
        handle.held = true;
        handle.slot = slot;
        handle.committedWord = ContestLayout.seqWord(ContestLayout.sequence(odd) + 1, table.node());
        handle.fenceToken = token;
        handle.claimedAtNanos = now;
        handle.expiresAtNanos = expiresAt;
        return true;
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
            Arguments.positive(ttl, "lease ttl", context()); // throws; the context string is built only on failure (claims allocate nothing)
        }
        return ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL_NANOS : ttl.toNanos();
    }

    private void checkSubjectType(final int subjectType)
    {
        if (subjectType < 0 || subjectType > 255)
        {
            throw new InvalidArgumentException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND
                + "): subject type must be 0..255 (a @ContestType kind), was " + subjectType);
        }
    }

    private byte[] utf8(final String text, final String what, final int limit)
    {
        final byte[] bytes = Arguments.notNull(text, what, context()).getBytes(StandardCharsets.UTF_8);
        Arguments.label(bytes.length, what + " (UTF-8)", limit, context());
        return bytes;
    }

    private String context()
    {
        return "fleet " + fleet.name() + " (KIND " + ContestLayout.KIND + ", contest)";
    }

    private void checkOpen(final String action)
    {
        if (fleet.isClosed())
        {
            throw fleet.closedException(action);
        }
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
                throw new InvalidArgumentException("Contest: the fleet is null");
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
                throw new InvalidArgumentException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND + "): the clock must not be null");
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
                throw new InvalidArgumentException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND
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
                throw new InvalidArgumentException("fleet " + fleet.name() + " (KIND " + ContestLayout.KIND
                    + "): the pending bound must be positive, was " + pendingBound);
            }
            this.pendingBound = pendingBound;
            return this;
        }

        /**
         * @return the contest over the fleet's table (created or attached).
         * @throws io.orbit.runtime.exceptions.SegmentLayoutException when the table exists with another layout or slot count.
         */
        public Contest open()
        {
            return new Contest(fleet, clock, slotCount, pendingBound);
        }
    }
}
