package io.orbit.runtime.contest;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.segment.Backoff;
import org.agrona.concurrent.AtomicBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.orbit.runtime.contest.ContestLayout.*;

/**
 * The slot protocol of the contest table (layout in {@link ContestLayout}): seqlock reads, CAS-guarded
 * updates, takeover of slots and insert locks left behind by dead writers, the fence counter and the
 * probe limit. It knows nothing of claims; {@link Contest} and {@link Guard} decide what to write.
 *
 * <p><b>Update</b>: CAS the seq word from the even value read to {@code seq+1} tagged with this node
 * (the CAS both excludes other updaters and records who is updating), write the fields, then CAS
 * {@code seq+1 → seq+2}. A failed final CAS means the slot was taken over meanwhile; the update is
 * void. <b>Read</b>: seq word (acquire), fields, load-load fence, seq word again; only an unchanged
 * even word with valid fields and a matching checksum is a slot's content.
 *
 * <p><b>Takeover</b>: a slot whose seq word stays odd belongs to an update in progress. When the
 * updater's node is dead (or the word names no node of the fleet) the slot is taken at once, by CAS
 * {@code odd → odd+2}; when the updater looks alive it is waited for, and taken after the pending
 * bound (a process paused that long mid-update, or a dead process whose node id was re-leased).
 * The taker does not trust anything in the slot: it writes a FREE tombstone. The lease that was being
 * written or renewed there is gone; fence tokens protect the resource from its late holder, and the
 * checksum makes any late writes of the paused writer read as a corrupt (free) slot, never a lease.
 *
 * <p>Waiting uses the real {@link System#nanoTime()}, never the contest's injectable clock: the
 * bounds are about real processes, not lease time.
 *
 * <p>Longer than this project's ~500-line rule because the slot read, update, takeover, insert lock
 * and checksum share one memory-ordering protocol over the same words; split apart, each part's
 * fences would be explained away from the others they pair with.
 */
final class ContestTable
{
    static final int EMPTY = 0;
    static final int VALID = 1;
    static final int CORRUPT = 2;
    static final int BUSY = 3;
    /** {@link #read} with a key: a stable slot keyed to another subject (not examined further). */
    static final int OTHER = 4;
    /** {@link #readLiveness}: a held lease before its deadline. */
    static final int LIVE = 5;
    /** {@link #readLiveness}: a slot without a live lease (free, expired or damaged). */
    static final int REUSABLE = 6;
    /** {@link #open}: an even seq word, the fields may be read. */
    private static final int STABLE = 7;

    private static final int READ_ATTEMPTS = 4;
    private static final int SPINS = 64;
    /** Contended slot and insert-lock waits: 64 spins, 256 yields, then 20 µs parks. */
    private static final Backoff BACKOFF = new Backoff(SPINS, 256, TimeUnit.MICROSECONDS.toNanos(20));
    private static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long CHECKSUM_SEED = 0x6A09E667F3BCC909L;
    private static final long LABEL_SEED = 0xBB67AE8584CAA73BL;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EMPTY_LABEL_DIGEST = labelDigest(new byte[0], 0);

    private final AtomicBuffer buffer;
    private final int slotCount;
    private final Fleet fleet;
    private final int node;
    private final long pid;
    private final long pendingBoundNanos;
    private final AtomicLong takeovers = new AtomicLong();

    ContestTable(final AtomicBuffer buffer, final int slotCount, final Fleet fleet, final long pendingBoundNanos)
    {
        this.buffer = buffer;
        this.slotCount = slotCount;
        this.fleet = fleet;
        this.node = fleet.node();
        this.pid = ProcessHandle.current().pid();
        this.pendingBoundNanos = pendingBoundNanos;
    }

    /** A read-only view for inspection ({@link ContestInspection}): only {@link #read} may be used. */
    ContestTable(final AtomicBuffer buffer, final int slotCount)
    {
        this.buffer = buffer;
        this.slotCount = slotCount;
        this.fleet = null;
        this.node = -1;
        this.pid = -1;
        this.pendingBoundNanos = 0;
    }

    int slotCount()
    {
        return slotCount;
    }

    int node()
    {
        return node;
    }

    long pid()
    {
        return pid;
    }

    AtomicBuffer buffer()
    {
        return buffer;
    }

    long takeovers()
    {
        return takeovers.get();
    }

    // ------------------------------------------------------------------------------------ hashing

    /**
     * FNV-1a 64 over the subject type byte, then the label bytes (orbit-rs {@code contest/state.rs}).
     */
    static long subjectHash(final int subjectType, final byte[] label)
    {
        long hash = FNV_OFFSET;
        hash = (hash ^ (subjectType & 0xFF)) * FNV_PRIME;
        for (final byte b : label)
        {
            hash = (hash ^ (b & 0xFF)) * FNV_PRIME;
        }
        return hash;
    }

    /**
     * The slot checksum: a multiply-rotate chain over the slot index, bytes 16-63 and the two label
     * digests ({@link #labelDigest}), finished by the murmur3 finaliser. Each step is a bijection of
     * the running value for a fixed input word and of the input word for a fixed running value, so
     * two slot images that differ in one word never share a checksum; the finaliser spreads every
     * bit. A claimant passes its labels' digests computed once ({@link SubjectKey}).
     */
    static long checksum(
        final int slot,
        final long subjectHash,
        final long fenceToken,
        final long claimedAt,
        final long expiresAt,
        final long holderPid,
        final long descriptor,
        final long subjectDigest,
        final long ownerDigest)
    {
        long h = step(CHECKSUM_SEED, slot);
        h = step(h, subjectHash);
        h = step(h, fenceToken);
        h = step(h, claimedAt);
        h = step(h, expiresAt);
        h = step(h, holderPid);
        h = step(h, descriptor);
        h = step(h, subjectDigest);
        h = step(h, ownerDigest);
        return fmix(h);
    }

    /**
     * @return the digest of a label's first {@code length} bytes (its length included), covered by
     *         the slot checksum in place of the bytes themselves.
     */
    static long labelDigest(final byte[] bytes, final int length)
    {
        long h = step(LABEL_SEED, length);
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            h = step(h, (long)LONG_LE.get(bytes, i));
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8)
        {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        return fmix(step(h, tail));
    }

    private static long step(final long h, final long value)
    {
        return Long.rotateLeft(h ^ value, 29) * 0x9E3779B97F4A7C15L;
    }

    private static long fmix(final long value)
    {
        long k = value;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    // ------------------------------------------------------------------------------------ header

    /** @return the next fence token: {@code getAndAdd(1) + 1}, fleet-wide, first token 1. */
    long nextFenceToken()
    {
        return buffer.getAndAddLong(FENCE_COUNTER_OFFSET, 1) + 1; // atomic: unique and ordered across processes
    }

    long lastFenceToken()
    {
        return buffer.getLongVolatile(FENCE_COUNTER_OFFSET); // the latest token of any process
    }

    /**
     * @return how many slots from its home a lookup must examine to see every inserted subject,
     *         clamped to the slot count (a damaged header can only make lookups longer).
     */
    int probeLimit()
    {
        final int limit = buffer.getIntAcquire(PROBE_LIMIT_OFFSET); // pairs with the raise of the last inserter
        return limit < 0 || limit > slotCount ? slotCount : limit;
    }

    /**
     * Raises the probe limit before a lease at {@code atLeast - 1} slots from its home is committed.
     * A damaged value (outside 0..slot count) is replaced by the slot count, never lowered.
     */
    void raiseProbeLimit(final int atLeast)
    {
        while (true)
        {
            final int current = buffer.getIntVolatile(PROBE_LIMIT_OFFSET); // the latest raise of any process, for the CAS
            final boolean damaged = current < 0 || current > slotCount;
            if (!damaged && current >= atLeast)
            {
                return;
            }
            // Volatile CAS, before our unlock: the next holder of this home's insert lock scans with the raised limit.
            if (buffer.compareAndSetInt(PROBE_LIMIT_OFFSET, current, damaged ? slotCount : atLeast))
            {
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------ reading

    /**
     * One seqlock read of a slot, verifying everything. Sets {@code into.word} to the seq word seen;
     * fills the fields only for {@link #VALID}.
     *
     * @return {@link #EMPTY} (never written), {@link #VALID}, {@link #CORRUPT} (stable but not a
     *         valid slot: bad state, lengths or checksum) or {@link #BUSY} (being updated, or changing
     *         under every attempt).
     */
    int read(final int slot, final SlotSnapshot into)
    {
        return read(slot, into, null);
    }

    /**
     * One seqlock read of a slot. With a key, a stable slot keyed to another subject is
     * {@link #OTHER} at once (its labels and checksum are not examined: a lookup only needs to know it
     * is not the key's), and the key's label digests stand in for hashing labels equal to its own.
     *
     * @param key the subject looked for, or null to verify any slot.
     * @return {@link #EMPTY}, {@link #VALID}, {@link #OTHER} (only with a key), {@link #CORRUPT} or {@link #BUSY}.
     */
    int read(final int slot, final SlotSnapshot into, final SubjectKey key)
    {
        final int base = slotOffset(slot);
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++)
        {
            final int opened = open(base, into);
            if (opened != STABLE)
            {
                return opened;
            }
            final long w1 = into.word;
            final long hash = buffer.getLong(base + SUBJECT_HASH_OFFSET);
            final long descriptor = buffer.getLong(base + DESCRIPTOR_OFFSET);
            final int subjectLength = descriptorSubjectLength(descriptor);
            if (key != null && (hash != key.subjectHash || descriptorSubjectType(descriptor) != key.subjectType
                || subjectLength != key.subject.length))
            {
                if (changed(base, w1))
                {
                    continue; // torn: it may be the key's subject being written
                }
                return OTHER;
            }
            final long token = buffer.getLong(base + FENCE_TOKEN_OFFSET);
            final long claimedAt = buffer.getLong(base + CLAIMED_AT_OFFSET);
            final long expiresAt = buffer.getLong(base + EXPIRES_AT_OFFSET);
            final long holderPid = buffer.getLong(base + HOLDER_PID_OFFSET);
            final long checksum = buffer.getLong(base + CHECKSUM_OFFSET);
            final int ownerLength = descriptorOwnerLength(descriptor);
            final boolean lengthsFit = subjectLength <= MAX_SUBJECT_BYTES && ownerLength <= MAX_OWNER_BYTES;
            if (lengthsFit)
            {
                buffer.getBytes(base + SUBJECT_OFFSET, into.subject, 0, subjectLength);
                buffer.getBytes(base + OWNER_OFFSET, into.owner, 0, ownerLength);
            }
            if (changed(base, w1))
            {
                continue;
            }
            final int state = descriptorState(descriptor);
            if (!lengthsFit
                || (state != STATE_HELD && state != STATE_FREE)
                || descriptorReserved(descriptor) != 0
                || checksum != checksum(slot, hash, token, claimedAt, expiresAt, holderPid, descriptor,
                    subjectDigest(key, into.subject, subjectLength), ownerDigest(key, into.owner, ownerLength)))
            {
                return CORRUPT;
            }
            into.state = state;
            into.subjectHash = hash;
            into.fenceToken = token;
            into.claimedAt = claimedAt;
            into.expiresAt = expiresAt;
            into.holderPid = holderPid;
            into.holderNode = descriptorNode(descriptor);
            into.subjectType = descriptorSubjectType(descriptor);
            into.subjectLength = subjectLength;
            into.ownerLength = ownerLength;
            return VALID;
        }
        return busy(base, into);
    }

    private static long subjectDigest(final SubjectKey key, final byte[] label, final int length)
    {
        return key != null && key.isSubject(label, length) ? key.subjectDigest : labelDigest(label, length);
    }

    private static long ownerDigest(final SubjectKey key, final byte[] label, final int length)
    {
        return key != null && key.isOwner(label, length) ? key.ownerDigest : labelDigest(label, length);
    }

    /**
     * Whether a slot holds a live lease, reading only its state and deadline (nothing is verified:
     * the caller reuses a slot only through {@link #begin} with the word read here, and a damaged
     * slot that looks live is found by {@link #read} when the table looks full).
     *
     * @param now monotonic nanoseconds.
     * @return {@link #EMPTY}, {@link #BUSY}, {@link #LIVE} or {@link #REUSABLE} (free, expired or damaged);
     *         the seq word read is left in {@code into.word}.
     */
    int readLiveness(final int slot, final SlotSnapshot into, final long now)
    {
        final int base = slotOffset(slot);
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++)
        {
            final int opened = open(base, into);
            if (opened != STABLE)
            {
                return opened;
            }
            final long w1 = into.word;
            final long descriptor = buffer.getLong(base + DESCRIPTOR_OFFSET);
            final long expiresAt = buffer.getLong(base + EXPIRES_AT_OFFSET);
            if (!changed(base, w1))
            {
                return descriptorState(descriptor) == STATE_HELD && expiresAt - now > 0 ? LIVE : REUSABLE;
            }
        }
        return busy(base, into);
    }

    /**
     * Opens a seqlock read: the seq word (acquire: the field reads that follow cannot move above it)
     * into {@code into.word}.
     *
     * @return {@link #EMPTY}, {@link #BUSY} (odd), or {@link #STABLE}: read the fields, then {@link #changed}.
     */
    private int open(final int base, final SlotSnapshot into)
    {
        final long word = buffer.getLongAcquire(base + SEQ_OFFSET);
        into.word = word;
        if (word == 0)
        {
            return EMPTY;
        }
        return isOdd(word) ? BUSY : STABLE;
    }

    /** Closes a seqlock read: whether the seq word moved since {@code opened} (the fields read are torn). */
    private boolean changed(final int base, final long opened)
    {
        VarHandle.loadLoadFence(); // the field reads complete before the seq word is read again
        return buffer.getLongOpaque(base + SEQ_OFFSET) != opened;
    }

    /** Gives up after every attempt saw the slot change: the caller decides from the latest word (odd, or still moving). */
    private int busy(final int base, final SlotSnapshot into)
    {
        into.word = buffer.getLongAcquire(base + SEQ_OFFSET); // the latest update's word, for the caller's next look
        return BUSY;
    }

    /**
     * Reads a slot, waiting out an update in progress: a slot whose updater is dead (or unknown) is
     * taken over at once, one whose updater looks alive after the pending bound.
     *
     * @return {@link #EMPTY}, {@link #VALID} or {@link #CORRUPT}.
     */
    int readStable(final int slot, final SlotSnapshot into)
    {
        return readStable(slot, into, null);
    }

    /**
     * {@link #readStable(int, SlotSnapshot)} looking for one subject ({@link #read(int, SlotSnapshot, SubjectKey)}).
     *
     * @return {@link #EMPTY}, {@link #VALID}, {@link #OTHER} (only with a key) or {@link #CORRUPT}.
     */
    int readStable(final int slot, final SlotSnapshot into, final SubjectKey key)
    {
        long oddWord = 0;
        long firstSeen = 0;
        long nextProbe = 0;
        int waits = 0;
        while (true)
        {
            final int status = read(slot, into, key);
            if (status != BUSY)
            {
                return status;
            }
            final long word = into.word;
            if (!isOdd(word))
            {
                BACKOFF.idle(waits++); // changed under every attempt: plain contention, read again
                continue;
            }
            final long now = System.nanoTime();
            if (word != oddWord)
            {
                oddWord = word; // a new update: restart the wait
                firstSeen = now;
                nextProbe = now;
                waits = 0;
            }
            final int writer = writer(word);
            if (writer < 0 || writer >= fleet.size())
            {
                takeOver(slot, word); // no writer of this fleet made this word
                continue;
            }
            if (waits >= SPINS && writer != node && now - nextProbe >= 0)
            {
                nextProbe = now + PROBE_INTERVAL_NANOS;
                if (!fleet.isNodeAlive(writer))
                {
                    takeOver(slot, word);
                    continue;
                }
            }
            if (now - firstSeen > pendingBoundNanos)
            {
                takeOver(slot, word);
                continue;
            }
            BACKOFF.idle(waits++);
        }
    }

    private void takeOver(final int slot, final long oddWord)
    {
        final int base = slotOffset(slot);
        final long taken = seqWord(sequence(oddWord) + 2, node); // still odd: the slot is now being updated by us
        if (buffer.compareAndSetLong(base + SEQ_OFFSET, oddWord, taken))
        {
            writeFree(slot);
            commit(slot, taken);
            takeovers.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------------------------ writing

    /**
     * Starts an update of a slot read with {@code expectedWord} (even; 0 for a never-written slot).
     *
     * @return the odd word now in the slot, to pass to {@link #commit}; 0 when the slot changed.
     */
    long begin(final int slot, final long expectedWord)
    {
        final long odd = seqWord(sequence(expectedWord) + 1, node);
        // A successful CAS has volatile semantics: none of the field writes that follow can become visible before it.
        return buffer.compareAndSetLong(slotOffset(slot) + SEQ_OFFSET, expectedWord, odd) ? odd : 0;
    }

    /**
     * Ends an update: {@code odd → odd+1}, by CAS so a writer that was taken over cannot clobber its taker.
     *
     * @return false when the slot was taken over during the update (the update is void).
     */
    boolean commit(final int slot, final long oddWord)
    {
        // CAS is a release of every field written since begin: a reader that sees the even word sees them.
        return buffer.compareAndSetLong(slotOffset(slot) + SEQ_OFFSET, oddWord, seqWord(sequence(oddWord) + 1, node));
    }

    /**
     * Writes a lease of this process into a slot it is updating.
     *
     * @param labels false when the slot already holds the key's subject hash and both its labels
     *               (this claimant's own keyed slot, or its own lease being renewed): only the words
     *               that change are written.
     */
    void writeLease(
        final int slot,
        final SubjectKey key,
        final long fenceToken,
        final long claimedAt,
        final long expiresAt,
        final boolean labels)
    {
        final int base = slotOffset(slot);
        final long descriptor = descriptor(node, STATE_HELD, key.subjectType, key.subject.length, key.owner.length);
        if (labels)
        {
            buffer.putLong(base + SUBJECT_HASH_OFFSET, key.subjectHash);
            buffer.putBytes(base + SUBJECT_OFFSET, key.subject);
            buffer.putBytes(base + OWNER_OFFSET, key.owner);
        }
        buffer.putLong(base + FENCE_TOKEN_OFFSET, fenceToken);
        buffer.putLong(base + CLAIMED_AT_OFFSET, claimedAt);
        buffer.putLong(base + EXPIRES_AT_OFFSET, expiresAt);
        buffer.putLong(base + HOLDER_PID_OFFSET, pid);
        buffer.putLong(base + DESCRIPTOR_OFFSET, descriptor);
        buffer.putLong(base + CHECKSUM_OFFSET, checksum(slot, key.subjectHash, fenceToken, claimedAt, expiresAt, pid, descriptor,
            key.subjectDigest, key.ownerDigest));
    }

    /**
     * Marks this process's lease released in a slot it is updating: state FREE, every other field
     * kept, so the slot stays keyed to its subject (the next claim of the subject takes it in place,
     * without the insert lock) and only two words are written.
     */
    void writeReleased(final int slot, final SubjectKey key, final long fenceToken, final long claimedAt, final long expiresAt)
    {
        final int base = slotOffset(slot);
        final long descriptor = descriptor(node, STATE_FREE, key.subjectType, key.subject.length, key.owner.length);
        buffer.putLong(base + DESCRIPTOR_OFFSET, descriptor);
        buffer.putLong(base + CHECKSUM_OFFSET, checksum(slot, key.subjectHash, fenceToken, claimedAt, expiresAt, pid, descriptor,
            key.subjectDigest, key.ownerDigest));
    }

    /** Writes an unkeyed FREE tombstone (a taker trusts nothing of the slot it took over). */
    void writeFree(final int slot)
    {
        final int base = slotOffset(slot);
        final long descriptor = descriptor(0, STATE_FREE, 0, 0, 0);
        buffer.putLong(base + SUBJECT_HASH_OFFSET, 0);
        buffer.putLong(base + FENCE_TOKEN_OFFSET, 0);
        buffer.putLong(base + CLAIMED_AT_OFFSET, 0);
        buffer.putLong(base + EXPIRES_AT_OFFSET, 0);
        buffer.putLong(base + HOLDER_PID_OFFSET, 0);
        buffer.putLong(base + DESCRIPTOR_OFFSET, descriptor);
        buffer.putLong(base + CHECKSUM_OFFSET, checksum(slot, 0, 0, 0, 0, 0, descriptor, EMPTY_LABEL_DIGEST, EMPTY_LABEL_DIGEST));
    }

    // ------------------------------------------------------------------------------------ insert lock

    /**
     * Takes the insert lock of a home slot: inserts of one subject are serialised, because a subject
     * always probes from the same home. (Without it, two claimants of a subject could each pick a
     * different free slot and both commit a lease.) A lock whose holder is dead, or a process that no
     * longer holds the node it names, is taken over at once; a live holder after the pending bound.
     */
    void lockInsert(final int home)
    {
        final int lock = slotOffset(home) + INSERT_LOCK_OFFSET;
        final long mine = insertLockWord(pid, node);
        long seen = 0;
        long firstSeen = 0;
        long nextProbe = 0;
        int waits = 0;
        while (true)
        {
            if (buffer.compareAndSetLong(lock, 0, mine)) // acquire: the previous holder's slot writes are visible to our scan
            {
                return;
            }
            final long word = buffer.getLongVolatile(lock); // who holds it now, to judge whether it is dead
            if (word == 0)
            {
                continue;
            }
            final long now = System.nanoTime();
            if (word != seen)
            {
                seen = word;
                firstSeen = now;
                nextProbe = now;
                waits = 0;
            }
            final boolean probe = waits >= SPINS && now - nextProbe >= 0;
            if (probe)
            {
                nextProbe = now + PROBE_INTERVAL_NANOS;
            }
            if (lockHolderDead(word, probe) || now - firstSeen > pendingBoundNanos)
            {
                if (buffer.compareAndSetLong(lock, word, mine)) // only from the holder judged dead, never from a newer one
                {
                    takeovers.incrementAndGet();
                    return;
                }
                continue;
            }
            BACKOFF.idle(waits++);
        }
    }

    void unlockInsert(final int home)
    {
        // CAS, not a store: a lock taken over from us (after the bound) stays with its taker. Volatile: our slot writes happen-before the next locker.
        buffer.compareAndSetLong(slotOffset(home) + INSERT_LOCK_OFFSET, insertLockWord(pid, node), 0);
    }

    private boolean lockHolderDead(final long word, final boolean probe)
    {
        final int holder = insertLockNode(word);
        final long holderPid = insertLockPid(word);
        if (holder < 0 || holder >= fleet.size())
        {
            return true;
        }
        if (holder == node)
        {
            return holderPid != pid; // our node's lease is ours: another pid on it is a dead predecessor
        }
        return probe && isDead(holder, holderPid);
    }

    /**
     * Whether a lease holder (or lock holder) is gone. Probes the node lease (a system call in a
     * shared-memory fleet) unless the answer is known without it.
     *
     * @param holder    node recorded by the holder.
     * @param holderPid pid recorded by the holder.
     * @return true when the node is outside the fleet, or its lease is free, or held by another process.
     */
    boolean holderDead(final int holder, final long holderPid)
    {
        if (holder < 0 || holder >= fleet.size())
        {
            return true;
        }
        if (holder == node)
        {
            return holderPid != pid;
        }
        return isDead(holder, holderPid);
    }

    private boolean isDead(final int holder, final long holderPid)
    {
        if (!fleet.isNodeAlive(holder))
        {
            return true;
        }
        final long leasedBy = fleet.nodePid(holder);
        return leasedBy > 0 && leasedBy != holderPid; // the node was leased again by another process
    }
}
