package io.orbit.runtime.event;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.exceptions.Arguments;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.Notify;
import io.orbit.runtime.ring.RingSpec;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only topic events over the fleet's event ring (docs/spec.md §6.3): KIND {@value #KIND}, PER_NODE,
 * {@value #DEFAULT_CAPACITY} slots × {@value #PAYLOAD_CAPACITY} bytes by default. All topics share the
 * ring; each node publishes into its own lane, so a node's events arrive in publish order and a
 * chatty node only ever overwrites its own history.
 *
 * <p>Frames: frame kind {@value #FRAME_KIND}, version = the publisher's wall-clock timestamp (ms, from
 * the injected {@link OrbitClock}), payload little-endian and byte-compatible with orbit-rs:
 *
 * <table>
 *   <caption>Event frame payload (12-byte header)</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>2</td><td>topic_len u16</td></tr>
 *   <tr><td>2</td><td>2</td><td>payload_len u16</td></tr>
 *   <tr><td>4</td><td>8</td><td>timestamp_ms u64, equal to the frame's version</td></tr>
 *   <tr><td>12</td><td>topic_len</td><td>topic, UTF-8</td></tr>
 *   <tr><td>12 + topic_len</td><td>payload_len</td><td>payload</td></tr>
 * </table>
 *
 * <p>Topic plus payload may hold at most {@value #MAX_TOPIC_AND_PAYLOAD} bytes. A frame of the ring that
 * is not a well-formed event (wrong frame kind, lengths that do not add up to the frame's length, a
 * header timestamp that is not the frame's version, a writer id that is not its lane) is counted
 * {@link EventPollStats#undecodable() undecodable}, never thrown.
 *
 * <p>Each subscriber owns an {@link OrbitEventCursor}. {@link #poll} returns the new events with the
 * loss by class; {@link #pollTopic} keeps one topic but moves past every frame; {@link #pollMerged}
 * orders the poll's events across nodes by timestamp; {@link #poll(OrbitEventCursor, EventHandler)}
 * is the zero-allocation form for hot consumers.
 *
 * <pre>{@code
 * OrbitEventBus bus = OrbitEventBus.of(fleet);
 * OrbitEventCursor cursor = bus.cursorAtHead();
 * bus.publish("orders.created", "{\"id\":42}");
 * EventPoll poll = bus.poll(cursor);
 * poll.events().forEach(e -> System.out.println(e.node() + " " + e.topic() + " " + e.payloadAsString()));
 * if (poll.lost() > 0) { ... } // fell behind: overwritten, or undecodable frames
 * }</pre>
 *
 * <p>Thread-safe for publishing. Cursors are not thread-safe.
 */
public final class OrbitEventBus
{
    /** The event ring's reserved KIND (claimed by {@code orbit_kinds.K220_io_orbit_runtime_event_OrbitEventBus}). */
    public static final int KIND = 220;
    /** Frame kind of an event. */
    public static final int FRAME_KIND = EventFrameCodec.FRAME_KIND;
    /** Default slots per node lane. */
    public static final int DEFAULT_CAPACITY = 1024;
    /** Payload bytes per slot. */
    public static final int PAYLOAD_CAPACITY = 256;
    /** Bytes of the event header inside a frame payload. */
    public static final int HEADER_LENGTH = EventFrameCodec.HEADER_LENGTH;
    /** Largest topic (UTF-8) plus payload, in bytes. */
    public static final int MAX_TOPIC_AND_PAYLOAD = PAYLOAD_CAPACITY - HEADER_LENGTH;

    private static final ThreadLocal<EventFrameCodec.EncodeRequest> REQUESTS =
        ThreadLocal.withInitial(EventFrameCodec.EncodeRequest::new);

    private final Fleet fleet;
    private final Ring ring;
    private final OrbitClock clock;

    private OrbitEventBus(final Fleet fleet, final Ring ring, final OrbitClock clock)
    {
        this.fleet = fleet;
        this.ring = ring;
        this.clock = clock;
    }

    /**
     * Opens the fleet's event ring with the default capacity and the fleet's clock.
     *
     * @param fleet the fleet.
     * @return the bus.
     */
    public static OrbitEventBus open(final Fleet fleet)
    {
        return builder(fleet).open();
    }

    /**
     * @param fleet the fleet.
     * @return a builder for a bus with another capacity or clock.
     */
    public static Builder builder(final Fleet fleet)
    {
        return new Builder(Arguments.notNull(fleet, "fleet", "event bus (ring KIND " + KIND + ")"));
    }

    /**
     * Opens the fleet's event ring with the default spec and the fleet's clock.
     *
     * @param fleet the fleet.
     * @return the bus.
     * @deprecated use {@link #open(Fleet)}.
     */
    @Deprecated
    public static OrbitEventBus of(final Fleet fleet)
    {
        return open(fleet);
    }

    /**
     * Opens the fleet's event ring with the default spec and a given clock.
     *
     * @param fleet the fleet.
     * @param clock source of event timestamps ({@link OrbitClock#wallMillis()}).
     * @return the bus.
     * @deprecated use {@code OrbitEventBus.builder(fleet).clock(clock).open()}.
     */
    @Deprecated
    public static OrbitEventBus of(final Fleet fleet, final OrbitClock clock)
    {
        return builder(fleet).clock(clock).open();
    }

    /**
     * Opens the fleet's event ring with another capacity.
     *
     * @param fleet    the fleet.
     * @param capacity slots per node lane, a positive power of two.
     * @param clock    source of event timestamps.
     * @return the bus.
     * @deprecated use {@code OrbitEventBus.builder(fleet).capacity(capacity).clock(clock).open()}.
     * @throws io.orbit.runtime.exceptions.InvalidRingSpecException when the capacity is not a power of two.
     * @throws io.orbit.runtime.exceptions.KindConflictException    when the ring is already open in this fleet with another capacity.
     * @throws io.orbit.runtime.exceptions.SegmentLayoutException   when the ring segment exists with another layout.
     */
    @Deprecated
    public static OrbitEventBus of(final Fleet fleet, final int capacity, final OrbitClock clock)
    {
        return builder(fleet).capacity(capacity).clock(clock).open();
    }

    /**
     * @param capacity slots per node lane.
     * @return the event ring's spec with that capacity: KIND 220, PER_NODE, 256-byte payloads; publishers
     *         wake blocked subscribers ({@link OrbitEventCursor#await}).
     */
    public static RingSpec spec(final int capacity)
    {
        return RingSpec.perNode(KIND, capacity, PAYLOAD_CAPACITY).withNotify(Notify.WAITERS);
    }

    /**
     * @return the event ring (for its head, capacity and location).
     */
    public Ring ring()
    {
        return ring;
    }

    /**
     * @return the node this bus publishes as.
     */
    public int node()
    {
        return fleet.node();
    }

    // -------------------------------------------------------------------------------------- publish

    /**
     * Publishes an event with a UTF-8 payload.
     *
     * @param topic   the topic.
     * @param payload the payload, encoded as UTF-8.
     * @return the event's NetId64.
     * @throws PayloadTooLargeException when topic plus payload exceed {@value #MAX_TOPIC_AND_PAYLOAD} bytes;
     *                                nothing is published.
     */
    public long publish(final String topic, final String payload)
    {
        return publish(topic, nonNull(payload, "payload").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Publishes an event.
     *
     * @param topic   the topic.
     * @param payload the payload bytes.
     * @return the event's NetId64.
     * @throws PayloadTooLargeException when topic plus payload exceed {@value #MAX_TOPIC_AND_PAYLOAD} bytes;
     *                                nothing is published.
     */
    public long publish(final String topic, final byte[] payload)
    {
        final byte[] topicBytes = nonNull(topic, "topic").getBytes(StandardCharsets.UTF_8);
        nonNull(payload, "payload");
        checkSize(topicBytes.length, payload.length, topic);
        final long timestampMs = clock.wallMillis();
        final EventFrameCodec.EncodeRequest request = REQUESTS.get();
        try
        {
            return ring.publish(FRAME_KIND, timestampMs, HEADER_LENGTH + topicBytes.length + payload.length,
                EventFrameCodec.ENCODER, request.set(topicBytes, payload, timestampMs));
        }
        finally
        {
            request.clear();
        }
    }

    /**
     * Zero-allocation publish: topic and payload are copied from buffers straight into the slot.
     *
     * @param topic         buffer holding the topic's UTF-8 bytes.
     * @param topicOffset   topic start.
     * @param topicLength   topic bytes.
     * @param payload       buffer holding the payload.
     * @param payloadOffset payload start.
     * @param payloadLength payload bytes.
     * @return the event's NetId64.
     * @throws PayloadTooLargeException    when topic plus payload exceed {@value #MAX_TOPIC_AND_PAYLOAD} bytes.
     * @throws IndexOutOfBoundsException when a range lies outside its buffer; nothing is published.
     */
    public long publish(
        final DirectBuffer topic,
        final int topicOffset,
        final int topicLength,
        final DirectBuffer payload,
        final int payloadOffset,
        final int payloadLength)
    {
        // Checked before a slot is claimed: an encoder failing mid-slot would leave a half-written frame.
        topic.boundsCheck(topicOffset, topicLength);
        payload.boundsCheck(payloadOffset, payloadLength);
        checkSize(topicLength, payloadLength, null);
        final long timestampMs = clock.wallMillis();
        final EventFrameCodec.EncodeRequest request = REQUESTS.get();
        try
        {
            return ring.publish(FRAME_KIND, timestampMs, HEADER_LENGTH + topicLength + payloadLength, EventFrameCodec.ENCODER,
                request.set(topic, topicOffset, topicLength, payload, payloadOffset, payloadLength, timestampMs));
        }
        finally
        {
            request.clear();
        }
    }

    private void checkSize(final int topicLength, final int payloadLength, final String topic)
    {
        if (topicLength == 0)
        {
            Arguments.label(topicLength, "topic", MAX_TOPIC_AND_PAYLOAD, "event bus of fleet " + fleet.name() + " (ring KIND " + KIND + ")");
        }
        if ((long)topicLength + payloadLength > MAX_TOPIC_AND_PAYLOAD)
        {
            throw new PayloadTooLargeException("event " + (topic == null ? "" : "of topic '" + abbreviate(topic) + "' ")
                + "has " + topicLength + " topic bytes + " + payloadLength + " payload bytes = " + (topicLength + payloadLength)
                + "; an event frame of ring KIND " + KIND + " in fleet " + fleet.name() + " holds at most "
                + MAX_TOPIC_AND_PAYLOAD + " (payload capacity " + PAYLOAD_CAPACITY + " - " + HEADER_LENGTH + "-byte header)");
        }
    }

    private static String abbreviate(final String topic)
    {
        return topic.length() <= 40 ? topic : topic.substring(0, 40) + "...";
    }

    private <T> T nonNull(final T value, final String what)
    {
        if (value == null)
        {
            Arguments.notNull(value, what, "event bus of fleet " + fleet.name() + " (ring KIND " + KIND + ")");
        }
        return value;
    }

    // -------------------------------------------------------------------------------------- cursors

    /**
     * @return a cursor at counter 0 of every node's lane (reads the retained history first).
     */
    public OrbitEventCursor cursorFromStart()
    {
        return new OrbitEventCursor(this, ring.cursorFromStart());
    }

    /**
     * @return a cursor at every node's current head (reads only events published from now on).
     */
    public OrbitEventCursor cursorAtHead()
    {
        return new OrbitEventCursor(this, ring.cursorAtHead());
    }

    // ----------------------------------------------------------------------------------------- poll

    /**
     * Zero-allocation poll: hands every new event to the handler, node by node, each node's in publish
     * order.
     *
     * @param cursor  the subscriber's cursor.
     * @param handler receives each event; the view is valid only during the call.
     * @return this poll's counts (the cursor's reused {@link OrbitEventCursor#lastPoll()}).
     */
    public EventPollStats poll(final OrbitEventCursor cursor, final EventHandler handler)
    {
        return own(cursor).poll(nonNull(handler, "handler"), null);
    }

    /**
     * Zero-allocation topic poll: hands the new events of one topic to the handler and moves past every
     * other frame (counted as {@link EventPollStats#filtered()}).
     *
     * @param cursor    the subscriber's cursor.
     * @param topicUtf8 the topic's UTF-8 bytes (not copied; do not change them during the call).
     * @param handler   receives each event of that topic.
     * @return this poll's counts.
     */
    public EventPollStats pollTopic(final OrbitEventCursor cursor, final byte[] topicUtf8, final EventHandler handler)
    {
        return own(cursor).poll(nonNull(handler, "handler"), nonNull(topicUtf8, "topic"));
    }

    /**
     * Returns the new events, node by node, each node's in publish order, with the loss by class.
     *
     * @param cursor the subscriber's cursor.
     * @return the events and the loss.
     */
    public EventPoll poll(final OrbitEventCursor cursor)
    {
        return collect(cursor, null, false);
    }

    /**
     * Returns the new events of one topic; the cursor still moves past every other frame.
     *
     * @param cursor the subscriber's cursor.
     * @param topic  the topic.
     * @return the events of that topic and the loss.
     */
    public EventPoll pollTopic(final OrbitEventCursor cursor, final String topic)
    {
        return collect(cursor, nonNull(topic, "topic").getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Returns the new events merged across nodes: ordered by timestamp, then node. Each node's events
     * keep their publish order even if its wall clock stepped back (the merge never reorders a lane).
     * The order covers this poll's events only; an event that arrives in a later poll is not moved
     * before events already returned.
     *
     * @param cursor the subscriber's cursor.
     * @return the merged events and the loss.
     */
    public EventPoll pollMerged(final OrbitEventCursor cursor)
    {
        return collect(cursor, null, true);
    }

    private EventPoll collect(final OrbitEventCursor cursor, final byte[] topicFilter, final boolean merged)
    {
        final List<OrbitEvent> events = new ArrayList<>();
        final EventPollStats stats = own(cursor).poll(view -> events.add(view.toEvent()), topicFilter);
        return new EventPoll(merged ? EventMerge.byTimestamp(events) : events, stats.filtered, stats.undecodable,
            stats.overwritten(), stats.abandoned(), stats.corrupt(), stats.movedPast(), stats.reset());
    }

    private OrbitEventCursor own(final OrbitEventCursor cursor)
    {
        if (nonNull(cursor, "cursor").bus().ring != ring)
        {
            throw new InvalidArgumentException(cursor + " belongs to another event ring than " + ring);
        }
        return cursor;
    }

    @Override
    public String toString()
    {
        return "OrbitEventBus{" + ring + "}";
    }

    /**
     * Options of an event bus handle. Every process of a fleet must use the same capacity.
     */
    public static final class Builder
    {
        private final Fleet fleet;
        private int capacity = DEFAULT_CAPACITY;
        private OrbitClock clock;

        private Builder(final Fleet fleet)
        {
            this.fleet = fleet;
            this.clock = fleet.clock();
        }

        /**
         * @param capacity slots per node lane, a positive power of two (default {@value OrbitEventBus#DEFAULT_CAPACITY}).
         * @return this builder.
         */
        public Builder capacity(final int capacity)
        {
            this.capacity = capacity;
            return this;
        }

        /**
         * @param clock source of event timestamps ({@link OrbitClock#wallMillis()}); default the fleet's clock.
         * @return this builder.
         */
        public Builder clock(final OrbitClock clock)
        {
            this.clock = Arguments.notNull(clock, "clock", "event bus of fleet " + fleet.name() + " (ring KIND " + KIND + ")");
            return this;
        }

        /**
         * Opens (creates or attaches to) the fleet's event ring.
         *
         * @return the bus.
         * @throws io.orbit.runtime.exceptions.InvalidRingSpecException when the capacity is not a power of two.
         * @throws io.orbit.runtime.exceptions.KindConflictException    when the ring is already open in this fleet with another capacity.
         * @throws io.orbit.runtime.exceptions.SegmentLayoutException   when the ring segment exists with another layout.
         */
        public OrbitEventBus open()
        {
            Arguments.notNull(clock, "clock", "event bus of fleet " + fleet.name() + " (ring KIND " + KIND + ")");
            return new OrbitEventBus(fleet, fleet.ring(spec(capacity), OrbitEventBus.class), clock);
        }
    }
}
