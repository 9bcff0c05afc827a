package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Port of {@code orbit-rs/tests/ring_cursor.rs} (kinds 31 {@code (4,16)}, 32 {@code (2,16)}, 33
 * {@code per_node(4,16)}) on both fleet backings. Rust's {@code unavailable} splits into
 * {@code corrupt} (PER_NODE: anything but a committed frame below the head) and {@code abandoned}
 * (SHARED, see {@code CursorLossAccountingTest}).
 */
class RingCursorTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> payloads(final RingPoll poll)
    {
        return poll.frames().stream().map(Frame::payloadAsString).toList();
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void cursorFromStartReadsAvailableHistory(final FleetBacking backing, final Topology topology) // ring_cursor.rs
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(new RingSpec(31, 4, 16, topology, 0));
            ring.publish(0, 1, bytes("a"));
            ring.publish(0, 2, bytes("b"));

            final RingCursor cursor = ring.cursorFromStart();
            final RingPoll poll = cursor.poll();
            assertEquals(List.of("a", "b"), payloads(poll));
            assertEquals(0, poll.lost());
            assertEquals(2, cursor.next(0));
            assertEquals(2, cursor.lastPoll().movedPast());
            assertTrue(cursor.poll().isEmpty());
            assertEquals(2, cursor.next(0));
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void cursorAtHeadOnlyReadsFutureFrames(final FleetBacking backing, final Topology topology) // ring_cursor.rs
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(new RingSpec(31, 4, 16, topology, 0));
            ring.publish(0, 1, bytes("old"));
            final RingCursor cursor = ring.cursorAtHead();
            assertEquals(1, cursor.next(0));
            assertTrue(cursor.poll().isEmpty());

            ring.publish(0, 2, bytes("new"));
            final RingPoll poll = cursor.poll();
            assertEquals(List.of("new"), payloads(poll));
            assertEquals(0, poll.lost());
            assertEquals(2, cursor.next(0));
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void laggedCursorReportsOverwrittenWindow(final FleetBacking backing, final Topology topology) // ring_cursor.rs
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(new RingSpec(32, 2, 16, topology, 0));
            final RingCursor cursor = ring.cursorFromStart();
            ring.publish(0, 1, bytes("one"));
            ring.publish(0, 2, bytes("two"));
            ring.publish(0, 3, bytes("three"));

            final RingPoll poll = cursor.poll();
            assertEquals(1, poll.overwritten());
            assertEquals(0, poll.abandoned());
            assertEquals(0, poll.corrupt());
            assertEquals(List.of("two", "three"), payloads(poll));
            assertEquals(3, cursor.next(0));
            assertEquals(3, cursor.lastPoll().movedPast());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void missingOrUnexpectedSlotsReportCorrupt(final FleetBacking backing) // ring_cursor.rs: missing_or_unexpected_slots_report_unavailable
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(33, 4, 16));
            ring.publish(0, 1, bytes("a"));
            final long missing = ring.publish(0, 2, bytes("b"));
            final long unexpected = ring.publish(0, 3, bytes("c"));
            final long tooLong = ring.publish(0, 4, bytes("d"));
            RingTestHooks.putStamp(ring, 0, 1, 0);                               // slot 1: never written, yet below the head
            RingTestHooks.putId(ring, 0, 2, NetId64.make(33, 0, 99));             // slot 2: committed, but holds counter 99
            RingTestHooks.putPayloadLength(ring, 0, 3, ring.payloadCapacity() + 1); // slot 3: committed, length past capacity

            final RingCursor cursor = ring.cursorFromStart();
            final RingPoll poll = cursor.poll();
            assertEquals(List.of("a"), payloads(poll));
            assertEquals(3, poll.corrupt());
            assertEquals(0, poll.overwritten());
            assertEquals(0, poll.abandoned());
            assertEquals(4, cursor.next(0));
            assertEquals(4, cursor.lastPoll().movedPast());

            assertTrue(ring.read(missing).isEmpty());
            assertTrue(ring.read(unexpected).isEmpty());
            assertTrue(ring.read(tooLong).isEmpty());
            assertEquals("a", ring.readHead().orElseThrow().payloadAsString(), "readHead skips damaged slots");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void pendingCounterDoesNotAdvanceCursor(final FleetBacking backing) // ring_cursor.rs
    {
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, "60000");
             Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.shared(31, 4, 16));
            final RingCursor cursor = ring.cursorFromStart();
            final long pending = RingTestHooks.publishWithoutCommit(ring, 0, 1, bytes("late"));
            ring.publish(0, 2, bytes("behind"));

            for (int i = 0; i < 3; i++)
            {
                assertTrue(cursor.poll().isEmpty(), "a live writer's pending counter stops the poll");
                assertEquals(0, cursor.next(0));
                assertEquals(0, cursor.lastPoll().movedPast());
            }

            RingTestHooks.putStamp(ring, 0, NetId64.counter(pending), 2); // the writer commits
            final RingPoll poll = cursor.poll();
            assertEquals(List.of("late", "behind"), payloads(poll));
            assertEquals(0, poll.lost());
            assertEquals(2, cursor.next(0));
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void batchPublishReservesConsecutiveIdsInOneLane(final FleetBacking backing, final Topology topology) // ring_cursor.rs
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 1))
        {
            final Ring ring = fleet.ring(new RingSpec(33, 4, 16, topology, 0));
            final RingCursor cursor = ring.cursorFromStart();
            final long[] ids = ring.publishBatch(5, 9, List.of(bytes("a"), bytes("bb"), bytes("ccc")));

            assertEquals(3, ids.length);
            for (int i = 0; i < ids.length; i++)
            {
                assertEquals(i, NetId64.counter(ids[i]));
                assertEquals(1, NetId64.node(ids[i]));
                assertEquals(33, NetId64.kind(ids[i]));
            }
            assertEquals(3, ring.head(ring.writeLane()));
            assertEquals("bb", ring.read(ids[1]).orElseThrow().payloadAsString());
            assertEquals(5, ring.read(ids[2]).orElseThrow().frameKind());
            assertEquals(9, ring.read(ids[0]).orElseThrow().version());
            assertEquals(List.of("a", "bb", "ccc"), payloads(cursor.poll()));
            assertEquals(0, ring.publishBatch(0, 0, List.of()).length);
            assertEquals(3, ring.head(ring.writeLane()), "an empty batch claims nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void perNodeRingVersionsShareOneSemanticSequence(final FleetBacking backing) // ring_cursor.rs
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet node0 = backing.join(dir, name, 2, 0); Fleet node1 = backing.join(dir, name, 2, 1))
        {
            final RingSpec spec = RingSpec.perNode(33, 4, 16);
            final Ring ring0 = node0.ring(spec);
            final Ring ring1 = node1.ring(spec);
            assertEquals(0, ring0.currentVersion());
            assertEquals(1, ring0.nextVersion());
            assertEquals(2, ring1.nextVersion(), "one sequence for every lane and handle");
            assertEquals(2, ring0.currentVersion());
            assertEquals(2, ring1.currentVersion());
        }
    }
}
