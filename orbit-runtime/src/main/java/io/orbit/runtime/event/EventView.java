package io.orbit.runtime.event;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A reusable, zero-allocation view of one delivered event, handed to an {@link EventHandler}. It
 * points into the cursor's private copy of the frame (taken under the slot's seqlock and checked),
 * so its bytes never change under the handler; it is valid only during the handler call.
 *
 * <p>Topic bytes are {@code buffer()[topicOffset() .. topicOffset()+topicLength())}, payload bytes
 * {@code buffer()[payloadOffset() .. payloadOffset()+payloadLength())}. The accessors that return
 * objects ({@link #topic()}, {@link #payloadBytes()}, {@link #toEvent()}) allocate.
 */
public final class EventView
{
    private DirectBuffer buffer;
    private long id;
    private long counter;
    private int node;
    private long timestampMs;
    private int topicLength;
    private int payloadLength;

    EventView()
    {
    }

    void set(
        final long id,
        final long counter,
        final int node,
        final long timestampMs,
        final DirectBuffer buffer,
        final int topicLength,
        final int payloadLength)
    {
        this.id = id;
        this.counter = counter;
        this.node = node;
        this.timestampMs = timestampMs;
        this.buffer = buffer;
        this.topicLength = topicLength;
        this.payloadLength = payloadLength;
    }

    /**
     * @return the event's NetId64 (KIND 220, the publishing node, its lane counter).
     */
    public long id()
    {
        return id;
    }

    /**
     * @return the full 64-bit counter of the event in its node's lane.
     */
    public long counter()
    {
        return counter;
    }

    /**
     * @return the node that published the event.
     */
    public int node()
    {
        return node;
    }

    /**
     * @return the publisher's wall-clock time at publish, in milliseconds since the Unix epoch.
     */
    public long timestampMs()
    {
        return timestampMs;
    }

    /**
     * @return the buffer holding the topic and the payload.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return offset of the topic's UTF-8 bytes in {@link #buffer()}.
     */
    public int topicOffset()
    {
        return EventFrameCodec.HEADER_LENGTH;
    }

    /**
     * @return number of topic bytes.
     */
    public int topicLength()
    {
        return topicLength;
    }

    /**
     * @return offset of the payload in {@link #buffer()}.
     */
    public int payloadOffset()
    {
        return EventFrameCodec.HEADER_LENGTH + topicLength;
    }

    /**
     * @return number of payload bytes.
     */
    public int payloadLength()
    {
        return payloadLength;
    }

    /**
     * Compares the topic with UTF-8 bytes, without allocating.
     *
     * @param topicUtf8 the topic's UTF-8 bytes.
     * @return true when the topics are byte for byte equal.
     */
    public boolean topicEquals(final byte[] topicUtf8)
    {
        if (topicUtf8.length != topicLength)
        {
            return false;
        }
        final int offset = topicOffset();
        for (int i = 0; i < topicLength; i++)
        {
            if (buffer.getByte(offset + i) != topicUtf8[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the topic, decoded from UTF-8 (malformed bytes become U+FFFD; allocates).
     */
    public String topic()
    {
        final byte[] bytes = new byte[topicLength];
        buffer.getBytes(topicOffset(), bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * @return a copy of the payload (allocates).
     */
    public byte[] payloadBytes()
    {
        final byte[] bytes = new byte[payloadLength];
        buffer.getBytes(payloadOffset(), bytes);
        return bytes;
    }

    /**
     * @return an immutable copy of the event (allocates).
     */
    public OrbitEvent toEvent()
    {
        return new OrbitEvent(id, node, topic(), payloadBytes(), timestampMs);
    }

    @Override
    public String toString()
    {
        return "EventView{node=" + node + ", counter=" + counter + ", topicLength=" + topicLength
            + ", payloadLength=" + payloadLength + ", timestampMs=" + timestampMs + "}";
    }
}
