package io.orbit.runtime.event;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.NetId64;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.KindConflictException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.ring.Frame;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Ports of the orbit-rs {@code event/mod.rs} unit tests and the in-process halves of
 * {@code tests/shm_event.rs}, plus the Java bus's own contract (sizes, ids, frame bytes, topic
 * filter accounting, merged order, zero-allocation forms), on process-local and shared-memory fleets.
 */
class OrbitEventBusTest
{
    private static final long T0 = 1_700_000_000_000L;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private static List<String> payloads(final EventPoll poll)
    {
        return poll.events().stream().map(OrbitEvent::payloadAsString).toList();
    }

    /** The accounting every poll must satisfy, by class and per node. */
    static void assertAccounted(final EventPoll poll)
    {
        assertEquals(poll.movedPast(), poll.events().size() + poll.filtered() + poll.undecodable() + poll.overwritten()
            + poll.abandoned() + poll.corrupt(), () -> "accounting broken: " + poll);
    }

    static void assertAccounted(final EventPollStats stats, final int nodes)
    {
        assertEquals(stats.movedPast(), stats.ringDelivered() + stats.overwritten() + stats.abandoned() + stats.corrupt(),
            () -> "ring accounting broken: " + stats);
        long movedPast = 0;
        long lost = 0;
        for (int node = 0; node < nodes; node++)
        {
            movedPast += stats.movedPast(node);
            lost += stats.ringLost(node);
            assertTrue(stats.ringLost(node) >= 0, "negative per-node loss");
        }
        assertEquals(stats.movedPast(), movedPast, "per-node movedPast does not add up");
        assertEquals(stats.overwritten() + stats.abandoned() + stats.corrupt(), lost, "per-node loss does not add up");
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void pollsEventsSinceCursor(final FleetBacking backing)
    {
        final ManualClock clock = new ManualClock(0, T0);
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final OrbitEventBus bus = OrbitEventBus.builder(fleet).clock(clock).open();
            final OrbitEventCursor cursor = bus.cursorFromStart();
            final long first = bus.publish("orders", "one");
            clock.advance(5, TimeUnit.MILLISECONDS);
            final long second = bus.publish("orders", "two");

            final EventPoll poll = bus.poll(cursor);
            assertEquals(List.of("one", "two"), payloads(poll));
            assertEquals(0, poll.lost());
            assertAccounted(poll);
            assertEquals(new OrbitEvent(first, 0, "orders", "one".getBytes(StandardCharsets.UTF_8), T0), poll.events().get(0));
            assertEquals(new OrbitEvent(second, 0, "orders", "two".getBytes(StandardCharsets.UTF_8), T0 + 5), poll.events().get(1));
            assertTrue(bus.poll(cursor).isEmpty(), "the cursor moved past both events");
            assertEquals(2, cursor.next(0));
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void cursorAtHeadOnlyReadsFutureEvents(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final OrbitEventBus bus = OrbitEventBus.open(fleet);
            bus.publish("t", "old");
            final OrbitEventCursor cursor = bus.cursorAtHead();
            bus.publish("t", "new");
            final EventPoll poll = bus.poll(cursor);
            assertEquals(List.of("new"), payloads(poll));
            assertEquals(0, poll.lost());
            assertEquals(1, poll.movedPast());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void topicFilterAdvancesCursor(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final OrbitEventBus bus = OrbitEventBus.open(fleet);
            final OrbitEventCursor cursor = bus.cursorFromStart();
            bus.publish("a", "1");
            bus.publish("b", "2");
            bus.publish("a", "3");
            bus.publish("bb", "4"); // a prefix match is not a topic match

            final EventPoll poll = bus.pollTopic(cursor, "b");
            assertEquals(List.of("2"), payloads(poll));
            assertEquals("b", poll.events().get(0).topic());
            assertEquals(3, poll.filtered());
            assertEquals(0, poll.lost());
            assertAccounted(poll);
            assertTrue(bus.poll(cursor).isEmpty(), "the filtered poll moved past every topic");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void reportsLagWhenCursorFallsBehindCapacity(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final OrbitEventBus bus = OrbitEventBus.open(fleet);
            final int capacity = bus.ring().capacity();
            assertEquals(OrbitEventBus.DEFAULT_CAPACITY, capacity);
            final OrbitEventCursor cursor = bus.cursorFromStart();
            for (int i = 0; i <= capacity; i++)
            {
                bus.publish("lag", Integer.toString(i));
            }
            final EventPoll poll = bus.poll(cursor);
            assertEquals(1, poll.overwritten());
            assertEquals(1, poll.lost());
            assertEquals(capacity, poll.events().size());
            assertEquals("1", poll.events().get(0).payloadAsString());
            assertEquals(Integer.toString(capacity), poll.events().get(capacity - 1).payloadAsString());
            assertAccounted(poll);
            assertEquals(1, cursor.totals().ringLost(0));
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void overridableCapacityLapsAtThatCapacity(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final OrbitEventBus bus = OrbitEventBus.builder(fleet).capacity(8).clock(new ManualClock(0, T0)).open();
            final OrbitEventCursor cursor = bus.cursorFromStart();
            for (int i = 0; i < 20; i++)
            {
                bus.publish("lag", Integer.toString(i));
            }
            final EventPoll poll = bus.poll(cursor);
            assertEquals(12, poll.overwritten());
            assertEquals(List.of("12", "13", "14", "15", "16", "17", "18", "19"), payloads(poll));
            assertThrows(KindConflictException.class, () -> OrbitEventBus.open(fleet), "one capacity per fleet");
        }
    }

    /** shm_event.rs {@code childPublishesParentPollsEvent}, with the child as a second handle (see CrossProcessEventPortsTest). */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void childPublishesParentPollsEvent(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet parent = backing.join(dir, name, 2, 0))
        {
            final OrbitEventBus parentBus = OrbitEventBus.open(parent);
            final OrbitEventCursor cursor = parentBus.cursorAtHead();
            final long id;
            try (Fleet child = backing.join(dir, name, 2, 1))
            {
                id = OrbitEventBus.open(child).publish("child.topic", "from-child");
            }
            final EventPoll poll = parentBus.poll(cursor);
            assertEquals(1, poll.events().size());
            assertEquals(0, poll.lost());
            final OrbitEvent event = poll.events().get(0);
            assertEquals(1, event.node());
            assertEquals(id, event.id());
            assertEquals("child.topic", event.topic());
            assertEquals("from-child", event.payloadAsString());
        }
    }

    /** shm_event.rs {@code twoNodesPublishIntoIndependentLanes}. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void twoNodesPublishIntoIndependentLanes(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet node0 = backing.join(dir, name, 2, 0); Fleet node1 = backing.join(dir, name, 2, 1))
        {
            final OrbitEventBus bus0 = OrbitEventBus.open(node0);
            final OrbitEventBus bus1 = OrbitEventBus.open(node1);
            final long fromOne = bus1.publish("lanes", "one");
            final long fromZero = bus0.publish("lanes", "zero");
            assertEquals(0, NetId64.counter(fromZero));
            assertEquals(0, NetId64.counter(fromOne));

            final EventPoll poll = bus0.poll(bus0.cursorFromStart());
            assertEquals(List.of("zero", "one"), payloads(poll), "node order: lane 0 first");
            assertEquals(List.of(0, 1), poll.events().stream().map(OrbitEvent::node).toList());
            assertEquals(List.of(0L, 0L), poll.events().stream().map(OrbitEvent::counter).toList());
            assertEquals(0, poll.lost());
            assertEquals(1, bus0.ring().head(0));
            assertEquals(1, bus0.ring().head(1));
        }
    }

    /** shm_event.rs {@code parentPublishesChildPollsEvent}. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void parentPublishesChildPollsEvent(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet parent = backing.join(dir, name, 2, 0))
        {
            OrbitEventBus.open(parent).publish("parent.topic", "from-parent");
            try (Fleet child = backing.join(dir, name, 2, 1))
            {
                final EventPoll poll = OrbitEventBus.open(child).poll(OrbitEventBus.open(child).cursorFromStart());
                assertEquals(1, poll.events().size());
                assertEquals("parent.topic", poll.events().get(0).topic());
                assertEquals("from-parent", poll.events().get(0).payloadAsString());
                assertEquals(0, poll.events().get(0).node());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void framesCarryTheOrbitRsEventLayout(final FleetBacking backing)
    {
        final ManualClock clock = new ManualClock(0, T0 + 123);
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 3, 2))
        {
            final OrbitEventBus bus = OrbitEventBus.builder(fleet).clock(clock).open();
            final long id = bus.publish("é.t", new byte[] {9, 8, 7});
            assertEquals(OrbitEventBus.KIND, NetId64.kind(id));
            assertEquals(2, NetId64.node(id));
            assertEquals(0, NetId64.counter(id));

            final Frame frame = bus.ring().read(id).orElseThrow();
            assertEquals(1, frame.frameKind());
            assertEquals(T0 + 123, frame.version(), "version = timestamp ms");
            final byte[] topic = "é.t".getBytes(StandardCharsets.UTF_8);
            final ByteBuffer expected = ByteBuffer.allocate(12 + topic.length + 3).order(ByteOrder.LITTLE_ENDIAN);
            expected.putShort((short)topic.length).putShort((short)3).putLong(T0 + 123).put(topic).put(new byte[] {9, 8, 7});
            assertArrayEquals(expected.array(), frame.payload());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void oversizeEventsAreRefusedBeforeAnythingIsPublished(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = backing.join(dir, name, 1, 0))
        {
            final OrbitEventBus bus = OrbitEventBus.open(fleet);
            final Ring ring = bus.ring();
            bus.publish("t", new byte[OrbitEventBus.MAX_TOPIC_AND_PAYLOAD - 1]); // exactly 244 bytes: fits
            assertEquals(1, ring.head());

            final PayloadTooLargeException tooLarge =
                assertThrows(PayloadTooLargeException.class, () -> bus.publish("t", new byte[OrbitEventBus.MAX_TOPIC_AND_PAYLOAD]));
            assertTrue(tooLarge.getMessage().contains("KIND 220"), tooLarge.getMessage());
            assertTrue(tooLarge.getMessage().contains(name), tooLarge.getMessage());
            assertTrue(tooLarge.getMessage().contains("244"), tooLarge.getMessage());
            // Topic size counts UTF-8 bytes: 122 two-byte characters are 244 bytes, one payload byte more is too much.
            final String wideTopic = "é".repeat(122);
            assertThrows(PayloadTooLargeException.class, () -> bus.publish(wideTopic, new byte[1]));
            bus.publish(wideTopic, new byte[0]);
            assertEquals(2, ring.head());

            final UnsafeBuffer big = new UnsafeBuffer(new byte[300]);
            assertThrows(PayloadTooLargeException.class, () -> bus.publish(big, 0, 10, big, 0, 235));
            assertThrows(IndexOutOfBoundsException.class, () -> bus.publish(big, 295, 10, big, 0, 1));
            assertThrows(InvalidArgumentException.class, () -> bus.publish(null, "x"));
            assertThrows(InvalidArgumentException.class, () -> bus.publish("x", (byte[])null));
            assertThrows(InvalidArgumentException.class, () -> bus.publish("", "x"), "an empty topic is refused");
            assertEquals(2, ring.head(), "nothing was published by the refused calls");
            assertEquals(2, bus.poll(bus.cursorFromStart()).events().size(), "and no half-written frame is left behind");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void handlerFormExposesTopicAndPayloadInPlace(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final OrbitEventBus bus = OrbitEventBus.builder(fleet).clock(new ManualClock(0, T0)).open();
            final OrbitEventCursor cursor = bus.cursorFromStart();
            final UnsafeBuffer topic = new UnsafeBuffer("xxprices".getBytes(StandardCharsets.UTF_8));
            final UnsafeBuffer payload = new UnsafeBuffer(new byte[] {0, 0, 1, 2, 3});
            final long id = bus.publish(topic, 2, 6, payload, 2, 3);
            bus.publish("other", "zzz");

            final List<String> seen = new ArrayList<>();
            final EventPollStats stats = bus.pollTopic(cursor, "prices".getBytes(StandardCharsets.UTF_8), event ->
            {
                assertEquals(id, event.id());
                assertEquals(0, event.node());
                assertEquals(0, event.counter());
                assertEquals(T0, event.timestampMs());
                assertEquals(6, event.topicLength());
                assertEquals('p', event.buffer().getByte(event.topicOffset()));
                assertEquals(3, event.payloadLength());
                assertEquals(1, event.buffer().getByte(event.payloadOffset()));
                assertEquals(3, event.buffer().getByte(event.payloadOffset() + 2));
                assertTrue(event.topicEquals("prices".getBytes(StandardCharsets.UTF_8)));
                assertFalse(event.topicEquals("price".getBytes(StandardCharsets.UTF_8)));
                assertArrayEquals(new byte[] {1, 2, 3}, event.payloadBytes());
                seen.add(event.topic());
            });
            assertEquals(List.of("prices"), seen);
            assertEquals(1, stats.delivered());
            assertEquals(1, stats.filtered());
            assertSame(stats, cursor.lastPoll(), "the stats object is reused, not allocated per poll");
            assertAccounted(stats, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void mergedPollOrdersByTimestampThenNodeAndNeverReordersANode(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final ManualClock clock0 = new ManualClock(0, 10);
        final ManualClock clock1 = new ManualClock(0, 20);
        try (Fleet node0 = backing.join(dir, name, 2, 0); Fleet node1 = backing.join(dir, name, 2, 1))
        {
            final OrbitEventBus bus0 = OrbitEventBus.builder(node0).clock(clock0).open();
            final OrbitEventBus bus1 = OrbitEventBus.builder(node1).clock(clock1).open();
            final OrbitEventCursor plain = bus0.cursorFromStart();
            final OrbitEventCursor merged = bus0.cursorFromStart();
            bus0.publish("m", "a@10");
            bus1.publish("m", "b@20");
            clock0.advance(20, TimeUnit.MILLISECONDS);
            bus0.publish("m", "a@30");
            clock1.advance(10, TimeUnit.MILLISECONDS);
            bus1.publish("m", "b@30"); // tie with a@30: the lower node goes first
            clock0.advance(20, TimeUnit.MILLISECONDS);
            bus0.publish("m", "a@50");

            assertEquals(List.of("a@10", "a@30", "a@50", "b@20", "b@30"), payloads(bus0.poll(plain)));
            final EventPoll poll = bus0.pollMerged(merged);
            assertEquals(List.of("a@10", "b@20", "a@30", "b@30", "a@50"), payloads(poll));
            assertAccounted(poll);

            // Node 0's wall clock steps back: the merge still keeps node 0's publish order.
            clock0.advance(50, TimeUnit.MILLISECONDS);
            bus0.publish("m", "a@100");
            final ManualClock stepBack = new ManualClock(0, 60);
            OrbitEventBus.builder(node0).clock(stepBack).open().publish("m", "a@60");
            clock1.advance(40, TimeUnit.MILLISECONDS);
            bus1.publish("m", "b@70");
            assertEquals(List.of("b@70", "a@100", "a@60"), payloads(bus0.pollMerged(merged)));
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void everyPollAccountsForEveryCounter(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Random random = new Random(42);
        try (Fleet node0 = backing.join(dir, name, 3, 0); Fleet node2 = backing.join(dir, name, 3, 2))
        {
            final OrbitEventBus bus0 = OrbitEventBus.builder(node0).capacity(16).clock(new ManualClock(0, T0)).open();
            final OrbitEventBus bus2 = OrbitEventBus.builder(node2).capacity(16).clock(new ManualClock(0, T0)).open();
            final OrbitEventCursor cursor = bus0.cursorFromStart();
            final long[] published = new long[3];
            long delivered = 0;
            long filtered = 0;
            for (int round = 0; round < 300; round++)
            {
                final int burst = random.nextInt(40);
                for (int i = 0; i < burst; i++)
                {
                    final boolean onZero = random.nextBoolean();
                    (onZero ? bus0 : bus2).publish(random.nextBoolean() ? "x" : "y", "p" + i);
                    published[onZero ? 0 : 2]++;
                }
                if (random.nextBoolean())
                {
                    final EventPoll poll = random.nextBoolean() ? bus0.poll(cursor) : bus0.pollTopic(cursor, "x");
                    assertAccounted(poll);
                    delivered += poll.events().size();
                    filtered += poll.filtered();
                }
                else
                {
                    final EventPollStats stats = bus0.poll(cursor, event -> assertTrue(event.node() == 0 || event.node() == 2));
                    assertAccounted(stats, 3);
                    delivered += stats.delivered();
                }
            }
            bus0.poll(cursor);
            final EventPollStats totals = cursor.totals();
            assertAccounted(totals, 3);
            assertEquals(published[0], totals.movedPast(0));
            assertEquals(0, totals.movedPast(1));
            assertEquals(published[2], totals.movedPast(2));
            assertEquals(published[0] + published[2], totals.movedPast());
            assertEquals(0, totals.undecodable());
            assertEquals(0, totals.corrupt());
            assertEquals(0, totals.abandoned());
            assertEquals(filtered, totals.filtered());
            assertEquals(delivered, totals.delivered());
            assertTrue(totals.overwritten() > 0, "small capacity with bursts of up to 40 must lap the cursor sometimes");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aCursorOfAnotherRingIsRefused(final FleetBacking backing)
    {
        try (Fleet one = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0);
            Fleet two = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final OrbitEventBus busOne = OrbitEventBus.open(one);
            final OrbitEventCursor foreign = OrbitEventBus.open(two).cursorFromStart();
            assertThrows(InvalidArgumentException.class, () -> busOne.poll(foreign));
            // Two bus instances of one fleet share the ring, so their cursors are interchangeable.
            busOne.publish("t", "x");
            assertEquals(1, OrbitEventBus.open(one).poll(busOne.cursorFromStart()).events().size());
        }
    }
}
