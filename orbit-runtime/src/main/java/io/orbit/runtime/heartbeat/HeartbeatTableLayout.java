package io.orbit.runtime.heartbeat;

/**
 * Byte layout of the heartbeat table segment {@code orbit-{fleet}-221-{uid}}: a 64-byte header and
 * one 64-byte slot per node. All fields little-endian (the runtime requires a little-endian
 * platform); atomics are naturally aligned.
 *
 * <pre>
 * | header 64 | slot node 0: 64 | slot node 1: 64 | ... | slot node size-1: 64 |
 * </pre>
 *
 * <table>
 *   <caption>Header (64 bytes). The magic sits where a ring header keeps its magic, so a ring segment
 *   found under this KIND (orbit-rs kept heartbeats in a ring) is refused by magic, not by accident.</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>8</td><td>reserved, zero</td></tr>
 *   <tr><td>8</td><td>4</td><td>slot_count = fleet size</td></tr>
 *   <tr><td>12</td><td>4</td><td>slot_size = 64</td></tr>
 *   <tr><td>16</td><td>4</td><td>magic 0x4F484254 ("OHBT"), written last by the creator (the ready word)</td></tr>
 *   <tr><td>20</td><td>4</td><td>version = 1</td></tr>
 *   <tr><td>24</td><td>1</td><td>kind = 221</td></tr>
 *   <tr><td>25</td><td>39</td><td>reserved, zero</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Slot of node n at {@code 64 + 64*n}. Written only by the holder of node n's lease.</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>8</td><td>stamp (seqlock): 0 never beaten; odd while a beat is being written; even committed</td></tr>
 *   <tr><td>8</td><td>8</td><td>beats: beats written into this slot, by every holder of the node</td></tr>
 *   <tr><td>16</td><td>8</td><td>last_beat_nanos: monotonic clock (CLOCK_MONOTONIC) at the last beat</td></tr>
 *   <tr><td>24</td><td>8</td><td>pid of the process that wrote the last beat</td></tr>
 *   <tr><td>32</td><td>8</td><td>start_time_ms: that process's start, ms since the Unix epoch (0 unknown)</td></tr>
 *   <tr><td>40</td><td>8</td><td>incarnation: number of distinct processes (pid, start time) that have beaten this slot</td></tr>
 *   <tr><td>48</td><td>16</td><td>reserved, zero</td></tr>
 * </table>
 */
public final class HeartbeatTableLayout
{
    /** "OHBT". */
    public static final int MAGIC = 0x4F484254;
    /** Layout version of the table. */
    public static final int VERSION = 1;

    /** Bytes of the header. */
    public static final int HEADER_LENGTH = 64;
    /** Offset of the slot count. */
    public static final int SLOT_COUNT_OFFSET = 8;
    /** Offset of the slot size. */
    public static final int SLOT_SIZE_OFFSET = 12;
    /** Offset of the magic (the ready word). */
    public static final int MAGIC_OFFSET = 16;
    /** Offset of the layout version. */
    public static final int VERSION_OFFSET = 20;
    /** Offset of the KIND byte. */
    public static final int KIND_OFFSET = 24;

    /** Bytes of one slot: one cache line, so beats of different nodes never share a line. */
    public static final int SLOT_SIZE = 64;
    /** Offset of the seqlock stamp in a slot. */
    public static final int STAMP_OFFSET = 0;
    /** Offset of the beat count. */
    public static final int BEATS_OFFSET = 8;
    /** Offset of the last beat's monotonic time. */
    public static final int LAST_BEAT_OFFSET = 16;
    /** Offset of the writer's pid. */
    public static final int PID_OFFSET = 24;
    /** Offset of the writer's start time. */
    public static final int START_TIME_OFFSET = 32;
    /** Offset of the incarnation count. */
    public static final int INCARNATION_OFFSET = 40;

    private HeartbeatTableLayout()
    {
    }

    /**
     * @param slots slot count (fleet size).
     * @return bytes of the segment.
     */
    public static long segmentLength(final int slots)
    {
        return HEADER_LENGTH + (long)slots * SLOT_SIZE;
    }

    /**
     * @param node node id.
     * @return offset of that node's slot.
     */
    public static int slotOffset(final int node)
    {
        return HEADER_LENGTH + node * SLOT_SIZE;
    }
}
