package io.orbit.runtime.event;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.PayloadEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The payload of one event frame (frame kind {@value #FRAME_KIND}), byte-compatible with orbit-rs
 * {@code OrbitEventRecord}. All integers little-endian.
 *
 * <table>
 *   <caption>Event frame payload (12-byte header)</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>2</td><td>topic_len u16</td></tr>
 *   <tr><td>2</td><td>2</td><td>payload_len u16</td></tr>
 *   <tr><td>4</td><td>8</td><td>timestamp_ms u64: wall clock at publish, equal to the frame's version</td></tr>
 *   <tr><td>12</td><td>topic_len</td><td>topic, UTF-8</td></tr>
 *   <tr><td>12 + topic_len</td><td>payload_len</td><td>payload, opaque</td></tr>
 * </table>
 *
 * <p>A frame decodes only when its frame kind is {@value #FRAME_KIND}, it holds at least the header,
 * {@code 12 + topic_len + payload_len} equals the frame's payload length exactly, the header's
 * timestamp equals the frame's version, and the writer node in its id is the lane it was read from.
 * Anything else is <em>undecodable</em> (counted, never thrown). Topic bytes are not checked for
 * valid UTF-8: {@link EventView#topic()} decodes them with replacement characters, as orbit-rs does.
 */
final class EventFrameCodec
{
    /** Frame kind of an event. */
    static final int FRAME_KIND = 1;
    /** Offset of topic_len. */
    static final int TOPIC_LENGTH_OFFSET = 0;
    /** Offset of payload_len. */
    static final int PAYLOAD_LENGTH_OFFSET = 2;
    /** Offset of timestamp_ms. */
    static final int TIMESTAMP_OFFSET = 4;
    /** Bytes of the header; the topic starts here. */
    static final int HEADER_LENGTH = 12;

    /** Writes one event payload straight into a claimed ring slot. */
    static final PayloadEncoder<EncodeRequest> ENCODER = EventFrameCodec::encode;

    private EventFrameCodec()
    {
    }

    static void encode(final MutableDirectBuffer buffer, final int offset, final EncodeRequest request)
    {
        buffer.putShort(offset + TOPIC_LENGTH_OFFSET, (short)request.topicLength, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(offset + PAYLOAD_LENGTH_OFFSET, (short)request.payloadLength, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + TIMESTAMP_OFFSET, request.timestampMs, ByteOrder.LITTLE_ENDIAN);
        buffer.putBytes(offset + HEADER_LENGTH, request.topic, request.topicOffset, request.topicLength);
        buffer.putBytes(offset + HEADER_LENGTH + request.topicLength, request.payload, request.payloadOffset, request.payloadLength);
    }

    /**
     * Decodes a delivered ring frame into a view (no copy: the view points into the frame's payload).
     *
     * @return false when the frame is undecodable.
     */
    static boolean decode(final FrameView frame, final EventView into)
    {
        return decode(frame.payload(), frame.payloadLength(), frame.frameKind(), frame.version(), frame.id(), frame.lane(),
            frame.counter(), into);
    }

    /**
     * Decodes {@code length} bytes at offset 0 of a buffer. Reads nothing past {@code length} (nor past
     * the buffer's capacity) and never throws for any input.
     *
     * @return false when the bytes are not a well-formed event frame.
     */
    static boolean decode(
        final DirectBuffer buffer,
        final int length,
        final int frameKind,
        final long version,
        final long id,
        final int lane,
        final long counter,
        final EventView into)
    {
        if (frameKind != FRAME_KIND || length < HEADER_LENGTH || length > buffer.capacity() || NetId64.node(id) != lane)
        {
            return false;
        }
        final int topicLength = buffer.getShort(TOPIC_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int payloadLength = buffer.getShort(PAYLOAD_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final long timestampMs = buffer.getLong(TIMESTAMP_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (HEADER_LENGTH + topicLength + payloadLength != length || timestampMs != version)
        {
            return false;
        }
        into.set(id, counter, lane, timestampMs, buffer, topicLength, payloadLength);
        return true;
    }

    /**
     * One publish's inputs, reused per thread so the zero-allocation publish form allocates nothing.
     * Byte arrays are wrapped, not copied.
     */
    static final class EncodeRequest
    {
        private static final byte[] EMPTY = new byte[0];

        private final UnsafeBuffer topicArray = new UnsafeBuffer(EMPTY);
        private final UnsafeBuffer payloadArray = new UnsafeBuffer(EMPTY);
        private DirectBuffer topic;
        private int topicOffset;
        private int topicLength;
        private DirectBuffer payload;
        private int payloadOffset;
        private int payloadLength;
        private long timestampMs;

        EncodeRequest set(final byte[] topicBytes, final byte[] payloadBytes, final long timestampMs)
        {
            topicArray.wrap(topicBytes);
            payloadArray.wrap(payloadBytes);
            return set(topicArray, 0, topicBytes.length, payloadArray, 0, payloadBytes.length, timestampMs);
        }

        EncodeRequest set(
            final DirectBuffer topic,
            final int topicOffset,
            final int topicLength,
            final DirectBuffer payload,
            final int payloadOffset,
            final int payloadLength,
            final long timestampMs)
        {
            this.topic = topic;
            this.topicOffset = topicOffset;
            this.topicLength = topicLength;
            this.payload = payload;
            this.payloadOffset = payloadOffset;
            this.payloadLength = payloadLength;
            this.timestampMs = timestampMs;
            return this;
        }

        /** Drops the references to the caller's buffers so a thread-local request retains nothing. */
        void clear()
        {
            topicArray.wrap(EMPTY);
            payloadArray.wrap(EMPTY);
            topic = null;
            payload = null;
        }
    }
}
