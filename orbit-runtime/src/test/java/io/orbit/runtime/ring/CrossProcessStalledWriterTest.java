package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.orbit.runtime.ring.CrossProcessSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A writer process stopped between its odd stamp and its commit ({@link RingTestHooks#publishWithoutCommit},
 * the test hook for "stopped or died mid-write"), then killed with {@code kill -9} (docs/spec.md §3.4–3.6, §9).
 *
 * <p>PER_NODE: the lane head never covers the stalled frame, so readers are never stopped by it and
 * the next holder of the node reuses its counter. SHARED: while the writer lives its counter is
 * pending and stops cursors without advancing them, and a lapping writer never takes its slot;
 * once it is dead the counter is abandoned exactly once and the slot is taken over.
 */
class CrossProcessStalledWriterTest
{
    private static final int FLEET_SIZE = 3;
    private static final int CAPACITY = 8;
    private static final int PAYLOAD_CAPACITY = 32;
    private static final Duration AWAIT = Duration.ofSeconds(5);

    private static RingSpec spec(final Topology topology)
    {
        return new RingSpec(topology == Topology.PER_NODE ? 61 : 62, CAPACITY, PAYLOAD_CAPACITY, topology, 0);
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertInvariant(final PollStats stats)
    {
        assertEquals(stats.movedPast(), stats.delivered() + stats.overwritten() + stats.abandoned() + stats.corrupt(),
            stats::toString);
    }

    private static List<String> payloads(final RingCursor cursor, final List<Frame> into)
    {
        final List<String> payloads = new ArrayList<>();
        final PollStats stats = cursor.poll(frame ->
        {
            final Frame copy = frame.toFrame();
            into.add(copy);
            payloads.add(copy.payloadAsString());
        });
        assertInvariant(stats);
        assertEquals(0, stats.corrupt(), stats::toString);
        return payloads;
    }

    @Test
    void perNodeWriterKilledBetweenStampAndCommitStopsNobody()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Topology topology = Topology.PER_NODE;
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, FLEET_SIZE, 0, dir.path()))
        {
            final Ring ring = fleet.ring(spec(topology));
            final RingCursor cursor = ring.cursorFromStart();
            final FrameView view = ring.newFrameView();
            final List<Frame> frames = new ArrayList<>();
            final long stalledId;
            try (ChildJvm stalled = ChildJvm.start(dir.path(), Staller.class, name, "1", topology.name()))
            {
                final Map<String, String> ids = fields(stalled.awaitPrefix("STALLED "));
                stalledId = NetId64.parse(ids.get("stalled"));
                assertEquals(1, NetId64.counter(stalledId));
                assertEquals(1, NetId64.node(stalledId));

                // The lane head excludes the frame stuck between stamp and commit; its slot reads as in flight.
                assertEquals(1, ring.head(1));
                assertEquals(RingTestHooks.IN_FLIGHT, RingTestHooks.readSlot(ring, 1, 1, view));
                assertTrue(ring.readAt(1, 1).isEmpty());
                assertTrue(ring.read(stalledId).isEmpty());
                assertEquals("committed-0", ring.read(NetId64.parse(ids.get("committed"))).orElseThrow().payloadAsString());

                // The reader of lane 1 is not stalled: it gets the committed frame and moves on.
                assertEquals(List.of("committed-0"), payloads(cursor, frames));
                assertEquals(1, cursor.next(1));

                // Frames from other lanes keep flowing: this process (node 0) and another process (node 2).
                ring.publish(0, 10, utf8("parent-0"));
                ring.publish(0, 11, utf8("parent-1"));
                try (ChildJvm other = ChildJvm.start(dir.path(), Publisher.class, name, "2", topology.name(), "3", "other"))
                {
                    other.awaitPrefix("PUBLISHED ");
                    assertEquals(0, other.awaitExit());
                }
                assertEquals(List.of("parent-0", "parent-1", "other-0", "other-1", "other-2"), payloads(cursor, frames));
                assertEquals(1, cursor.next(1));
                assertTrue(payloads(cursor, frames).isEmpty());
                assertEquals(0, cursor.totals().lost());
                assertTrue(stalled.process().isAlive());

                stalled.kill9();
            }
            assertFalse(fleet.isNodeAlive(1));
            assertEquals(1, ring.head(1), "a dead writer's odd stamp never enters the head");

            // A new process as node 1 publishes: its frame reuses the stalled counter and is readable.
            try (ChildJvm successor = ChildJvm.start(dir.path(), Publisher.class, name, "1", topology.name(), "1", "successor"))
            {
                final long id = NetId64.parse(successor.awaitPrefix("PUBLISHED ").split(" ")[0]);
                assertEquals(0, successor.awaitExit());
                assertEquals(NetId64.counter(stalledId), NetId64.counter(id), "the stalled counter is reused");
                assertEquals(stalledId, id);
                assertEquals(2, ring.head(1));
                final Frame frame = ring.read(id).orElseThrow();
                assertEquals("successor-0", frame.payloadAsString());
                assertEquals(List.of("successor-0"), payloads(cursor, frames));
                assertEquals(2, cursor.next(1));
                assertEquals(0, cursor.totals().lost(), () -> cursor.totals().toString());
                assertFalse(frames.stream().anyMatch(f -> f.payloadAsString().startsWith("stalled")),
                    "the uncommitted frame must never be delivered");
            }
        }
    }

    @Test
    void sharedWriterKilledBetweenStampAndCommitIsAbandonedOnceAndTakenOver()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Topology topology = Topology.SHARED;
        final String previousBound = System.getProperty(OrbitProperties.PENDING_BOUND_PROPERTY);
        final Fleet fleet;
        System.setProperty(OrbitProperties.PENDING_BOUND_PROPERTY, "60000"); // only death, never the bound, may end the wait here
        try (ShmDirectory dir = ShmDirectory.create())
        {
            try
            {
                fleet = Fleet.joinShmAs(name, FLEET_SIZE, 0, dir.path());
            }
            finally
            {
                restore(previousBound);
            }
            try (fleet)
            {
                final Ring ring = fleet.ring(spec(topology));
                assertEquals(60_000_000_000L, ring.pendingBoundNs());
                final RingCursor cursor = ring.cursorFromStart();
                final FrameView view = ring.newFrameView();
                final List<Frame> frames = new ArrayList<>();
                try (ChildJvm stalled = ChildJvm.start(dir.path(), Staller.class, name, "1", topology.name()))
                {
                    final long stalledId = NetId64.parse(fields(stalled.awaitPrefix("STALLED ")).get("stalled"));
                    assertEquals(1, NetId64.counter(stalledId));
                    assertEquals(2, ring.head(0), "SHARED heads count claimed counters");
                    assertEquals(RingTestHooks.IN_FLIGHT, RingTestHooks.readSlot(ring, 0, 1, view));

                    assertEquals(List.of("committed-0"), payloads(cursor, frames));
                    assertEquals(1, cursor.next(0));

                    // A frame committed behind the pending counter waits with it (no silent skip, no reordering).
                    ring.publish(0, 20, utf8("parent-2"));
                    assertEquals(3, ring.head(0));

                    // While the writer is alive the cursor stays put: several polls over well past the
                    // liveness-probe interval, none moves or counts anything abandoned.
                    final long until = System.nanoTime() + Duration.ofMillis(100).toNanos();
                    int polls = 0;
                    while (polls < 5 || System.nanoTime() - until < 0)
                    {
                        final PollStats stats = cursor.poll(frame -> frames.add(frame.toFrame()));
                        assertInvariant(stats);
                        assertEquals(0, stats.movedPast(), stats::toString);
                        assertEquals(0, stats.abandoned(), stats::toString);
                        assertEquals(1, cursor.next(0));
                        polls++;
                    }
                    assertTrue(stalled.process().isAlive());
                    assertEquals(1, frames.size());

                    stalled.kill9();
                }
                assertFalse(fleet.isNodeAlive(1));

                // Once its writer is dead the counter is abandoned, exactly once, and the cursor moves on.
                final long deathSeen = System.nanoTime();
                awaitCondition(() ->
                {
                    final PollStats stats = cursor.poll(frame -> frames.add(frame.toFrame()));
                    assertInvariant(stats);
                    return cursor.totals().abandoned() > 0;
                }, AWAIT, "the dead writer's counter is abandoned");
                assertTrue(System.nanoTime() - deathSeen < ring.pendingBoundNs() / 10, "abandoned by death, not by the bound");
                assertEquals(1, cursor.totals().abandoned());
                assertEquals(3, cursor.next(0));
                assertEquals(List.of("committed-0", "parent-2"), frames.stream().map(Frame::payloadAsString).toList());
                assertTrue(payloads(cursor, frames).isEmpty());
                assertEquals(1, cursor.totals().abandoned());
                assertEquals(0, cursor.totals().overwritten());

                // Frames published afterwards are delivered, and the writer that laps onto the stuck slot
                // (counter 1 + CAPACITY) takes it over instead of waiting forever.
                final long takeoversBefore = ring.writerStats().takeovers();
                final long start = System.nanoTime();
                final List<String> expected = new ArrayList<>();
                for (int i = 0; i < CAPACITY; i++)
                {
                    ring.publish(0, 30 + i, utf8("after-" + i));
                    expected.add("after-" + i);
                }
                final long elapsed = System.nanoTime() - start;
                assertEquals(1, ring.writerStats().takeovers() - takeoversBefore, ring.writerStats()::toString);
                assertEquals(0, ring.writerStats().gaveUpBehindLiveWriter());
                assertEquals(0, ring.writerStats().takenOver());
                assertTrue(elapsed < ring.pendingBoundNs() / 10, "the takeover waited for the bound: " + elapsed + " ns");
                assertEquals(3 + CAPACITY, ring.head(0));
                assertEquals("after-6", ring.readAt(0, 1 + CAPACITY).orElseThrow().payloadAsString());

                assertEquals(expected, payloads(cursor, frames));
                assertEquals(1, cursor.totals().abandoned(), "abandoned exactly once");
                assertEquals(3 + CAPACITY, cursor.next(0));
                assertEquals(cursor.totals().movedPast(), cursor.next(0));
                assertEquals(0, cursor.totals().corrupt());
                assertFalse(frames.stream().anyMatch(f -> f.payloadAsString().startsWith("stalled")));
            }
        }
    }

    @Test
    void liveStalledSharedWriterNeverLosesItsSlotToALappingWriter()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Topology topology = Topology.SHARED;
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, FLEET_SIZE, 0, dir.path()))
        {
            final Ring ring = fleet.ring(spec(topology));
            final FrameView view = ring.newFrameView();
            try (ChildJvm stalled = ChildJvm.start(dir.path(), Staller.class, name, "1", topology.name()))
            {
                final long stalledId = NetId64.parse(fields(stalled.awaitPrefix("STALLED ")).get("stalled"));
                // Node 2 laps onto the stuck slot (counters 2 .. 1 + CAPACITY) with a short pending bound.
                final List<String> options = new ArrayList<>(AGRONA_FLAG);
                options.add("-D" + OrbitProperties.PENDING_BOUND_PROPERTY + "=200");
                try (ChildJvm lapper = ChildJvm.start(dir.path(), options, Publisher.class, name, "2", topology.name(),
                    Integer.toString(CAPACITY), "lap"))
                {
                    final Map<String, String> stats = fields(lapper.awaitPrefix("PUBLISHED "));
                    assertEquals(0, lapper.awaitExit());
                    assertEquals("0", stats.get("takeovers"), () -> "a live writer's slot was taken: " + stats);
                    assertEquals("1", stats.get("gaveUp"), stats::toString);
                }
                assertTrue(stalled.process().isAlive());
                // The slot still belongs to the stalled writer: odd stamp of counter 1, its id.
                assertEquals(RingTestHooks.IN_FLIGHT, RingTestHooks.readSlot(ring, 0, 1, view));
                assertEquals(stalledId, RingTestHooks.slotId(ring, 0, 1));
                assertTrue(ring.readAt(0, 1 + CAPACITY).isEmpty(), "the dropped frame must not be readable");
                for (int counter = 2; counter < 1 + CAPACITY; counter++)
                {
                    assertEquals("lap-" + (counter - 2), ring.readAt(0, counter).orElseThrow().payloadAsString());
                }
                stalled.kill9();
            }
            assertFalse(fleet.isNodeAlive(1));
        }
    }

    private static void restore(final String previousBound)
    {
        if (previousBound == null)
        {
            System.clearProperty(OrbitProperties.PENDING_BOUND_PROPERTY);
        }
        else
        {
            System.setProperty(OrbitProperties.PENDING_BOUND_PROPERTY, previousBound);
        }
    }

    /**
     * Child JVM: {@code fleet node topology}. Publishes "committed-0", then stops between the odd
     * stamp and the commit of "stalled-1", says so, and blocks until killed.
     */
    public static final class Staller
    {
        public static void main(final String[] args)
        {
            final Fleet fleet = Fleet.joinShmAs(args[0], FLEET_SIZE, Integer.parseInt(args[1]));
            final Ring ring = fleet.ring(spec(Topology.valueOf(args[2])));
            final long committed = ring.publish(0, 1, utf8("committed-0"));
            final long stalled = RingTestHooks.publishWithoutCommit(ring, 0, 2, utf8("stalled-1"));
            say("STALLED committed=" + NetId64.toString(committed) + " stalled=" + NetId64.toString(stalled));
            blockUntilKilled();
        }
    }

    /**
     * Child JVM: {@code fleet node topology count prefix}. Publishes {@code prefix-0 ..} and reports
     * the last id and its writer stats.
     */
    public static final class Publisher
    {
        public static void main(final String[] args)
        {
            try (Fleet fleet = Fleet.joinShmAs(args[0], FLEET_SIZE, Integer.parseInt(args[1])))
            {
                final Ring ring = fleet.ring(spec(Topology.valueOf(args[2])));
                final int count = Integer.parseInt(args[3]);
                long id = 0;
                for (int i = 0; i < count; i++)
                {
                    id = ring.publish(0, 100 + i, utf8(args[4] + "-" + i));
                }
                final WriterStats stats = ring.writerStats();
                say("PUBLISHED " + NetId64.toString(id) + " takeovers=" + stats.takeovers() + " gaveUp="
                    + stats.gaveUpBehindLiveWriter() + " lapped=" + stats.lappedAtBirth());
            }
        }
    }
}
