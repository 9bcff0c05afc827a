package io.orbit.runtime.contest;

/**
 * Byte layout of the contest table segment ({@code orbit-{fleet}-222-{uid}}): a 64-byte header
 * followed by {@code slot_count} slots of {@value #SLOT_SIZE} bytes. All fields little-endian (the
 * runtime checks the platform at join). Slot {@code i} starts at {@code 64 + i·256}, so every slot is
 * cache-line aligned and its 8-byte words can be used atomically.
 *
 * <p>Header:
 * <table>
 * <caption>contest table header</caption>
 * <tr><th>Off</th><th>Size</th><th>Field</th></tr>
 * <tr><td>0</td><td>4</td><td>{@code magic} = {@code 0x4F435354} ("OCST"), the ready word, written last by the creator</td></tr>
 * <tr><td>4</td><td>2</td><td>{@code version} = 3 (orbit-rs era C wrote version 1 with 320-byte flock-guarded slots; Orbit for Java 0.1
 *     wrote version 2, whose FREE slots were never keyed and whose checksum hashed every word and label byte)</td></tr>
 * <tr><td>6</td><td>2</td><td>{@code header_size} = 64</td></tr>
 * <tr><td>8</td><td>4</td><td>{@code slot_count}, a power of two</td></tr>
 * <tr><td>12</td><td>4</td><td>{@code slot_size} = 256</td></tr>
 * <tr><td>16</td><td>8</td><td>{@code fence_counter}: last fence token issued; a claim takes {@code getAndAdd(1) + 1} (first token 1)</td></tr>
 * <tr><td>24</td><td>4</td><td>{@code probe_limit}: 1 + the largest distance from its home slot at which any subject was ever inserted; only grows</td></tr>
 * <tr><td>28</td><td>36</td><td>reserved, zero</td></tr>
 * </table>
 *
 * <p>Slot:
 * <table>
 * <caption>contest table slot</caption>
 * <tr><th>Off</th><th>Size</th><th>Field</th></tr>
 * <tr><td>0</td><td>8</td><td>{@code seq} word: bits 0-47 the sequence (0 never written; even stable; odd being
 *     updated), bits 48-63 the last updater's node + 1 (set by the same CAS that makes the sequence odd, so a
 *     slot being updated always names its updater)</td></tr>
 * <tr><td>8</td><td>8</td><td>{@code insert_lock}: 0 free, else {@code pid << 16 | (node + 1)} of the process
 *     inserting a subject whose probe sequence starts at this slot (not covered by {@code seq})</td></tr>
 * <tr><td>16</td><td>8</td><td>{@code subject_hash}: FNV-1a 64 over the subject type byte then the label bytes</td></tr>
 * <tr><td>24</td><td>8</td><td>{@code fence_token}</td></tr>
 * <tr><td>32</td><td>8</td><td>{@code claimed_at}: monotonic nanoseconds</td></tr>
 * <tr><td>40</td><td>8</td><td>{@code expires_at}: monotonic nanoseconds; the lease is live while {@code expires_at - now > 0}</td></tr>
 * <tr><td>48</td><td>8</td><td>{@code holder_pid}</td></tr>
 * <tr><td>56</td><td>2</td><td>{@code holder_node}</td></tr>
 * <tr><td>58</td><td>1</td><td>{@code state}: 1 HELD, 2 FREE; anything else in a written slot is corrupt. A FREE
 *     slot released by its holder stays keyed: every other field is kept (subject hash, type, labels), so the
 *     subject's next claim finds it in place; a FREE tombstone written by a takeover is unkeyed (hash, lengths
 *     and the other words zero)</td></tr>
 * <tr><td>59</td><td>1</td><td>{@code subject_type}</td></tr>
 * <tr><td>60</td><td>1</td><td>{@code subject_len} (at most {@value #MAX_SUBJECT_BYTES})</td></tr>
 * <tr><td>61</td><td>1</td><td>{@code owner_len} (at most {@value #MAX_OWNER_BYTES})</td></tr>
 * <tr><td>62</td><td>2</td><td>reserved, zero</td></tr>
 * <tr><td>64</td><td>8</td><td>{@code checksum} over the slot index, bytes 16-63 and the digests of the two labels
 *     ({@code ContestTable.checksum}, {@code labelDigest}): a slot that a crashed or taken-over writer left
 *     half-written never passes as a lease</td></tr>
 * <tr><td>72</td><td>120</td><td>subject label (UTF-8), {@code subject_len} bytes used</td></tr>
 * <tr><td>192</td><td>64</td><td>owner label (UTF-8), {@code owner_len} bytes used</td></tr>
 * </table>
 */
final class ContestLayout
{
    /** The reserved KIND of the contest table. */
    static final int KIND = 222;

    static final int MAGIC = 0x4F435354;
    static final int VERSION = 3;
    static final int HEADER_SIZE = 64;
    static final int SLOT_SIZE = 256;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int HEADER_SIZE_OFFSET = 6;
    static final int SLOT_COUNT_OFFSET = 8;
    static final int SLOT_SIZE_OFFSET = 12;
    static final int FENCE_COUNTER_OFFSET = 16;
    static final int PROBE_LIMIT_OFFSET = 24;

    static final int SEQ_OFFSET = 0;
    static final int INSERT_LOCK_OFFSET = 8;
    static final int SUBJECT_HASH_OFFSET = 16;
    static final int FENCE_TOKEN_OFFSET = 24;
    static final int CLAIMED_AT_OFFSET = 32;
    static final int EXPIRES_AT_OFFSET = 40;
    static final int HOLDER_PID_OFFSET = 48;
    /** The 8-byte word at 56: holder_node (16 bits), state, subject_type, subject_len, owner_len, reserved. */
    static final int DESCRIPTOR_OFFSET = 56;
    static final int CHECKSUM_OFFSET = 64;
    static final int SUBJECT_OFFSET = 72;
    static final int OWNER_OFFSET = 192;

    /** Longest subject label in UTF-8 bytes. */
    static final int MAX_SUBJECT_BYTES = 120;
    /** Longest owner label in UTF-8 bytes. */
    static final int MAX_OWNER_BYTES = 64;

    static final int STATE_HELD = 1;
    static final int STATE_FREE = 2;

    /** Default number of slots (orbit-rs {@code CONTEST_STATE_CAPACITY}). */
    static final int DEFAULT_SLOT_COUNT = 1024;
    /** Largest number of slots: a 256 MiB table. */
    static final int MAX_SLOT_COUNT = 1 << 20;

    /** Bits 0-47 of the seq word. */
    static final long SEQUENCE_MASK = (1L << 48) - 1;
    static final int WRITER_SHIFT = 48;

    private ContestLayout()
    {
    }

    static long segmentLength(final int slotCount)
    {
        return HEADER_SIZE + (long)slotCount * SLOT_SIZE;
    }

    static int slotOffset(final int slot)
    {
        return HEADER_SIZE + slot * SLOT_SIZE;
    }

    /**
     * @param sequence a 48-bit sequence.
     * @param node     the updating node.
     * @return the seq word naming that node.
     */
    static long seqWord(final long sequence, final int node)
    {
        return (sequence & SEQUENCE_MASK) | ((long)(node + 1) << WRITER_SHIFT);
    }

    static long sequence(final long word)
    {
        return word & SEQUENCE_MASK;
    }

    /**
     * @param word a seq word.
     * @return the node recorded in it, or -1 when none.
     */
    static int writer(final long word)
    {
        return (int)(word >>> WRITER_SHIFT) - 1;
    }

    static boolean isOdd(final long word)
    {
        return (word & 1) != 0;
    }

    static long descriptor(final int node, final int state, final int subjectType, final int subjectLength, final int ownerLength)
    {
        return (node & 0xFFFFL)
            | ((long)(state & 0xFF) << 16)
            | ((long)(subjectType & 0xFF) << 24)
            | ((long)(subjectLength & 0xFF) << 32)
            | ((long)(ownerLength & 0xFF) << 40);
    }

    static int descriptorNode(final long descriptor)
    {
        return (int)(descriptor & 0xFFFF);
    }

    static int descriptorState(final long descriptor)
    {
        return (int)(descriptor >>> 16) & 0xFF;
    }

    static int descriptorSubjectType(final long descriptor)
    {
        return (int)(descriptor >>> 24) & 0xFF;
    }

    static int descriptorSubjectLength(final long descriptor)
    {
        return (int)(descriptor >>> 32) & 0xFF;
    }

    static int descriptorOwnerLength(final long descriptor)
    {
        return (int)(descriptor >>> 40) & 0xFF;
    }

    static int descriptorReserved(final long descriptor)
    {
        return (int)(descriptor >>> 48) & 0xFFFF;
    }

    static long insertLockWord(final long pid, final int node)
    {
        return (pid << 16) | (node + 1);
    }

    static int insertLockNode(final long word)
    {
        return (int)(word & 0xFFFF) - 1;
    }

    static long insertLockPid(final long word)
    {
        return word >>> 16;
    }
}
