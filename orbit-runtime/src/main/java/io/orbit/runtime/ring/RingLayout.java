package io.orbit.runtime.ring;

/**
 * Byte layout of a ring segment, compatible with orbit-rs layout VERSION 3. All fields are
 * little-endian; atomics are naturally aligned.
 *
 * <pre>
 * | header 64 | lane header 64 x L | lane 0: capacity x stride | lane 1 | ... | lane L-1 |
 * </pre>
 *
 * <p>Header:
 * <table>
 *   <caption>Segment header (64 bytes)</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>8</td><td>version_counter: fleet-wide sequence, getAndAdd(1)+1</td></tr>
 *   <tr><td>8</td><td>8</td><td>capacity: slots per lane, power of two</td></tr>
 *   <tr><td>16</td><td>4</td><td>magic 0x4F524254 ("ORBT"), written last by the creator</td></tr>
 *   <tr><td>20</td><td>4</td><td>version = 3</td></tr>
 *   <tr><td>24</td><td>4</td><td>payload_capacity</td></tr>
 *   <tr><td>28</td><td>4</td><td>slot_stride = round_up(32 + payload_capacity, 64)</td></tr>
 *   <tr><td>32</td><td>1</td><td>kind</td></tr>
 *   <tr><td>33</td><td>1</td><td>topology: 0 SHARED, 1 PER_NODE</td></tr>
 *   <tr><td>34</td><td>2</td><td>lane_count</td></tr>
 *   <tr><td>36</td><td>4</td><td>notification_generation: orbit-rs's wake-up word, incremented after commits of rings that
 *       notify, futex word of blocked subscribers ({@link RingNotifier})</td></tr>
 *   <tr><td>40</td><td>8</td><td>layout_fingerprint (0 = unspecified)</td></tr>
 *   <tr><td>48</td><td>8</td><td>reset_generation: bumped by every reset (zero in Rust-made segments)</td></tr>
 *   <tr><td>56</td><td>4</td><td>waiters: Java subscribers registered as blocked on the word (orbit-rs ignores bytes 40..63);
 *       a publisher makes the wake system call only when it is non-zero ({@link RingWaiter})</td></tr>
 *   <tr><td>60</td><td>4</td><td>layout_version: the highest layout version of the stored record that created or attached
 *       to the ring, raised with a CAS-max on attach (0 for untyped rings and in Rust-made segments; orbit-rs ignores it)</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Lane header (64 bytes, one per lane at {@code 64 + 64*lane})</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>8</td><td>write_pos: the lane head, next counter to write</td></tr>
 *   <tr><td>8</td><td>56</td><td>lane 0 of a typed ring: component signatures, one byte (1..255) per component of the
 *       highest layout version that attached, zero beyond (written before the magic by the creator, extended by a
 *       higher-version attacher, kept by a reset; orbit-rs ignores them); every other lane and untyped rings: zero</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Slot (32-byte header + payload) at {@code 64 + 64*L + (lane*capacity + index)*stride}</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>8</td><td>stamp: 0 never written; 2c+1 counter c being written; 2c+2 counter c committed</td></tr>
 *   <tr><td>8</td><td>8</td><td>id (NetId64 raw)</td></tr>
 *   <tr><td>16</td><td>8</td><td>version</td></tr>
 *   <tr><td>24</td><td>4</td><td>payload_len (at most payload_capacity)</td></tr>
 *   <tr><td>28</td><td>1</td><td>frame_kind</td></tr>
 *   <tr><td>29</td><td>3</td><td>reserved, zero</td></tr>
 *   <tr><td>32</td><td>payload_capacity</td><td>payload</td></tr>
 * </table>
 */
public final class RingLayout
{
    /** "ORBT". */
    public static final int MAGIC = 0x4F524254;
    /** Layout version shared with orbit-rs. */
    public static final int VERSION = 3;

    /** Bytes of the segment header. */
    public static final int HEADER_LENGTH = 64;
    /** Offset of the fleet-wide version counter. */
    public static final int VERSION_COUNTER_OFFSET = 0;
    /** Offset of the slots-per-lane field. */
    public static final int CAPACITY_OFFSET = 8;
    /** Offset of the magic (the ready word). */
    public static final int MAGIC_OFFSET = 16;
    /** Offset of the layout version. */
    public static final int VERSION_OFFSET = 20;
    /** Offset of the payload capacity. */
    public static final int PAYLOAD_CAPACITY_OFFSET = 24;
    /** Offset of the slot stride. */
    public static final int SLOT_STRIDE_OFFSET = 28;
    /** Offset of the KIND byte. */
    public static final int KIND_OFFSET = 32;
    /** Offset of the topology byte. */
    public static final int TOPOLOGY_OFFSET = 33;
    /** Offset of the lane count. */
    public static final int LANE_COUNT_OFFSET = 34;
    /** Offset of the notification generation, orbit-rs's wake-up word (u32). */
    public static final int NOTIFICATION_GENERATION_OFFSET = 36;
    /** Offset of the layout fingerprint. */
    public static final int LAYOUT_FINGERPRINT_OFFSET = 40;
    /** Offset of the reset generation. */
    public static final int RESET_GENERATION_OFFSET = 48;
    /** Offset of the count of Java subscribers blocked on the notification word (u32). */
    public static final int WAITERS_OFFSET = 56;

    /** Offset of the layout version of a typed ring's record (u32). */
    public static final int LAYOUT_VERSION_OFFSET = 60;

    /** Bytes of one lane header. */
    public static final int LANE_HEADER_LENGTH = 64;
    /** Offset of {@code write_pos} inside a lane header. */
    public static final int WRITE_POS_OFFSET = 0;
    /** Offset of the component signatures of a typed ring, in the segment (lane 0 header, bytes 8..63). */
    public static final int SIGNATURES_OFFSET = HEADER_LENGTH + 8;
    /** Components whose signature the header keeps. */
    public static final int SIGNATURE_CAPACITY = 56;

    /** Bytes of a slot header. */
    public static final int SLOT_HEADER_LENGTH = 32;
    /** Slot stride alignment. */
    public static final int SLOT_ALIGNMENT = 64;
    /** Offset of the stamp inside a slot. */
    public static final int STAMP_OFFSET = 0;
    /** Offset of the id inside a slot. */
    public static final int ID_OFFSET = 8;
    /** Offset of the version inside a slot. */
    public static final int FRAME_VERSION_OFFSET = 16;
    /** Offset of the payload length inside a slot. */
    public static final int PAYLOAD_LENGTH_OFFSET = 24;
    /** Offset of the frame kind inside a slot. */
    public static final int FRAME_KIND_OFFSET = 28;
    /** Offset of the payload inside a slot. */
    public static final int PAYLOAD_OFFSET = 32;

    /** Largest payload capacity a slot may have (keeps one slot well inside a mappable segment). */
    public static final int MAX_PAYLOAD_CAPACITY = 1 << 24;

    private RingLayout()
    {
    }

    /**
     * @param payloadCapacity payload bytes per slot.
     * @return {@code round_up(32 + payloadCapacity, 64)}.
     */
    public static int slotStride(final int payloadCapacity)
    {
        return (SLOT_HEADER_LENGTH + payloadCapacity + SLOT_ALIGNMENT - 1) & -SLOT_ALIGNMENT;
    }

    /**
     * @param laneCount lanes.
     * @param capacity  slots per lane.
     * @param stride    bytes per slot.
     * @return {@code 64 + 64*L + L*capacity*stride}.
     */
    public static long segmentLength(final int laneCount, final int capacity, final int stride)
    {
        return HEADER_LENGTH + (long)LANE_HEADER_LENGTH * laneCount + (long)laneCount * capacity * stride;
    }

    /**
     * @param lane lane index.
     * @return offset of that lane's header.
     */
    public static int laneHeaderOffset(final int lane)
    {
        return HEADER_LENGTH + LANE_HEADER_LENGTH * lane;
    }

    /**
     * @param laneCount lanes.
     * @return offset of lane 0, slot 0.
     */
    public static int slotsOffset(final int laneCount)
    {
        return HEADER_LENGTH + LANE_HEADER_LENGTH * laneCount;
    }
}
