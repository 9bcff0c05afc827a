package io.orbit.aeron;

/**
 * Messages between bridges (little-endian, as Agrona buffers write them).
 *
 * <table>
 *   <caption>BATCH: frames of one ring, on the ring's stream ({@link #ringStream(int)}); a sender packs as many
 *   frames as fit one MTU-sized message (a frame larger than that goes alone, fragmented by Aeron)</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>1</td><td>type = 1</td></tr>
 *   <tr><td>1</td><td>1</td><td>reserved</td></tr>
 *   <tr><td>2</td><td>2</td><td>record count (at least 1)</td></tr>
 *   <tr><td>4</td><td>4</td><td>reserved</td></tr>
 *   <tr><td>8</td><td>...</td><td>records, each {@link #recordLength(int)} bytes (8-aligned), in the order the sender read them</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Record: one ring frame inside a BATCH (offsets from the record's start)</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>1</td><td>frame_kind</td></tr>
 *   <tr><td>1</td><td>1</td><td>reserved</td></tr>
 *   <tr><td>2</td><td>2</td><td>node (the lane of a PER_NODE frame, the writer of a SHARED one)</td></tr>
 *   <tr><td>4</td><td>4</td><td>payload_len</td></tr>
 *   <tr><td>8</td><td>8</td><td>counter: full counter in the source lane</td></tr>
 *   <tr><td>16</td><td>8</td><td>id (NetId64 raw, as in the source slot)</td></tr>
 *   <tr><td>24</td><td>8</td><td>version</td></tr>
 *   <tr><td>32</td><td>4</td><td>source_lost: counters of this lane the sender's cursor moved past unread just before this frame</td></tr>
 *   <tr><td>36</td><td>4</td><td>link_dropped: frames of this lane the sender read but could not offer since its last sent frame</td></tr>
 *   <tr><td>40</td><td>payload_len</td><td>payload, then zero padding to a multiple of 8</td></tr>
 * </table>
 *
 * <table>
 *   <caption>CONTROL: a bridge's keep-alive and node states, every beat, on {@link #CONTROL_STREAM}</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>1</td><td>type = 2</td></tr>
 *   <tr><td>1</td><td>1</td><td>flags: bit 0 heartbeat slots included</td></tr>
 *   <tr><td>2</td><td>2</td><td>host index of the sender</td></tr>
 *   <tr><td>4</td><td>2</td><td>first node of its range</td></tr>
 *   <tr><td>6</td><td>2</td><td>node count of its range</td></tr>
 *   <tr><td>8</td><td>8</td><td>bridge session: random per bridge start (a change is a restart)</td></tr>
 *   <tr><td>16</td><td>8</td><td>heard: bit h set when the sender has processed a control message of host h since its link
 *       to h came up (so it holds the leases of h's live nodes, and h may send it frames)</td></tr>
 *   <tr><td>24</td><td>48 x count</td><td>per node: alive u8, beaten u8, 6 reserved, beats, age_nanos, pid,
 *       start_time_ms, incarnation (u64 each)</td></tr>
 * </table>
 */
final class WireFormat
{
    static final int TYPE_BATCH = 1;
    static final int TYPE_CONTROL = 2;

    static final int TYPE_OFFSET = 0;
    static final int RECORD_COUNT_OFFSET = 2;
    static final int BATCH_HEADER_LENGTH = 8;

    static final int FRAME_KIND_OFFSET = 0;
    static final int NODE_OFFSET = 2;
    static final int LENGTH_OFFSET = 4;
    static final int COUNTER_OFFSET = 8;
    static final int ID_OFFSET = 16;
    static final int VERSION_OFFSET = 24;
    static final int SOURCE_LOST_OFFSET = 32;
    static final int LINK_DROPPED_OFFSET = 36;
    static final int FRAME_HEADER_LENGTH = 40;
    /** Records start 8-aligned, so their longs are aligned in the sender's and the receiver's buffers. */
    static final int RECORD_ALIGNMENT = 8;

    static final int FLAGS_OFFSET = 1;
    static final int HOST_OFFSET = 2;
    static final int FIRST_NODE_OFFSET = 4;
    static final int NODE_COUNT_OFFSET = 6;
    static final int SESSION_OFFSET = 8;
    static final int HEARD_OFFSET = 16;
    static final int CONTROL_HEADER_LENGTH = 24;
    static final int FLAG_HEARTBEAT = 1;

    static final int NODE_ALIVE_OFFSET = 0;
    static final int NODE_BEATEN_OFFSET = 1;
    static final int NODE_BEATS_OFFSET = 8;
    static final int NODE_AGE_OFFSET = 16;
    static final int NODE_PID_OFFSET = 24;
    static final int NODE_START_TIME_OFFSET = 32;
    static final int NODE_INCARNATION_OFFSET = 40;
    static final int NODE_ENTRY_LENGTH = 48;

    /** Stream of the control messages. */
    static final int CONTROL_STREAM = 1000;

    private WireFormat()
    {
    }

    /**
     * @param kind a ring's KIND.
     * @return its Aeron stream id.
     */
    static int ringStream(final int kind)
    {
        return CONTROL_STREAM + 1 + kind;
    }

    /**
     * @param payloadLength a frame's payload length.
     * @return the length of its record in a BATCH, padding included.
     */
    static int recordLength(final int payloadLength)
    {
        return (FRAME_HEADER_LENGTH + payloadLength + RECORD_ALIGNMENT - 1) & -RECORD_ALIGNMENT;
    }

    /**
     * @param count saturating narrowing of a count to the u32 fields.
     * @return the count, at most 2^32-1.
     */
    static int saturate(final long count)
    {
        return (int)Math.min(count, 0xFFFF_FFFFL);
    }
}
