package io.orbit.runtime.ring;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Loss accounting of cursors (docs/spec.md §3.6): the invariant
 * {@code delivered + overwritten + abandoned + corrupt == movedPast} on every poll with exact counts,
 * and what a claimed-but-uncommitted SHARED counter does to a cursor: it stops the poll while its
 * writer lives, and is counted {@code abandoned} exactly once when the writer is dead or the pending
 * bound has passed.
 */
class CursorLossAccountingTest
{
    private static final int CAPACITY = 8;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    static Stream<Arguments> backingsTopologiesAndSeeds()
    {
        return Stream.of(FleetBacking.values()).flatMap(backing -> Stream.of(Topology.values())
            .flatMap(topology -> Stream.of(1L, 42L, 20240607L).map(seed -> Arguments.of(backing, topology, seed))));
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Delivered(int lane, long counter, String payload)
    {
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("backingsTopologiesAndSeeds")
    void randomBurstsBetweenPollsAreAccountedExactly(final FleetBacking backing, final Topology topology, final long seed)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = new RingSpec(40, CAPACITY, 16, topology, 0);
        try (Fleet node0 = backing.join(dir, name, 2, 0); Fleet node1 = backing.join(dir, name, 2, 1))
        {
            final List<Ring> writers = List.of(node0.ring(spec), node1.ring(spec));
            final Ring reader = writers.get(0);
            final RingCursor cursor = reader.cursorFromStart();
            final Random random = new Random(seed);
            final List<List<String>> sincePoll = List.of(new ArrayList<>(), new ArrayList<>());
            final List<Delivered> delivered = new ArrayList<>();
            final long[] sequence = new long[2];
            long published = 0;

            for (int round = 0; round < 400; round++)
            {
                final int bursts = random.nextInt(3);
                for (int b = 0; b < bursts; b++)
                {
                    final int writer = random.nextInt(2);
                    final int size = random.nextInt(3 * CAPACITY);
                    for (int i = 0; i < size; i++)
                    {
                        final String payload = writer + ":" + sequence[writer]++;
                        writers.get(writer).publish(0, published++, bytes(payload));
                        sincePoll.get(topology == Topology.PER_NODE ? writer : 0).add(payload);
                    }
                }

                delivered.clear();
                final PollStats stats = cursor.poll(frame ->
                    delivered.add(new Delivered(frame.lane(), frame.counter(), frame.toFrame().payloadAsString())));
                final String where = "seed " + seed + " round " + round + ": " + stats;

                assertEquals(stats.movedPast(), stats.delivered() + stats.overwritten() + stats.abandoned() + stats.corrupt(), where);
                assertEquals(delivered.size(), stats.delivered(), where);
                assertEquals(0, stats.abandoned(), where);
                assertEquals(0, stats.corrupt(), where);
                assertFalse(stats.reset(), where);

                final List<String> expected = new ArrayList<>();
                long expectedOverwritten = 0;
                long expectedMoved = 0;
                for (final List<String> lane : sincePoll)
                {
                    expected.addAll(lane.subList(Math.max(0, lane.size() - CAPACITY), lane.size()));
                    expectedOverwritten += Math.max(0, lane.size() - CAPACITY);
                    expectedMoved += lane.size();
                    lane.clear();
                }
                assertEquals(expected, delivered.stream().map(Delivered::payload).toList(), where);
                assertEquals(expectedOverwritten, stats.overwritten(), where);
                assertEquals(expectedMoved, stats.movedPast(), where);
                for (final Delivered frame : delivered)
                {
                    assertTrue(frame.counter() < reader.head(frame.lane()), where);
                }
            }

            final PollStats totals = cursor.totals();
            assertEquals(published, totals.movedPast());
            assertEquals(published, totals.delivered() + totals.lost());
            for (int lane = 0; lane < reader.laneCount(); lane++)
            {
                assertEquals(reader.head(lane), cursor.next(lane), "caught up with lane " + lane);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void pendingCounterIsAbandonedOnceItsWriterIsDead(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.shared(41, CAPACITY, 16);
        // A bound far beyond the test: only the dead-writer signal can explain an abandoned counter.
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, "600000");
             Fleet readerFleet = backing.join(dir, name, 2, 0))
        {
            final Ring reader = readerFleet.ring(spec);
            final RingCursor cursor = reader.cursorFromStart();
            final Fleet writerFleet = backing.join(dir, name, 2, 1);
            RingTestHooks.publishWithoutCommit(writerFleet.ring(spec), 0, 1, bytes("never committed"));
            reader.publish(0, 2, bytes("behind it"));

            for (int i = 0; i < 5; i++)
            {
                final PollStats stats = cursor.poll(frame -> fail("nothing may pass a live writer's pending counter"));
                assertEquals(0, stats.movedPast());
                assertEquals(0, cursor.next(0));
            }

            writerFleet.close(); // the writer's node lease is free: it is dead
            final List<String> frames = new ArrayList<>();
            Await.until("the dead writer's counter is given up", () ->
            {
                final PollStats stats = cursor.poll(frame -> frames.add(frame.toFrame().payloadAsString()));
                assertEquals(stats.movedPast(), stats.delivered() + stats.lost());
                return cursor.next(0) == 2;
            });
            assertEquals(1, cursor.totals().abandoned(), "counted once");
            assertEquals(List.of("behind it"), frames);
            assertEquals(2, cursor.totals().movedPast());
            assertEquals(0, cursor.totals().overwritten() + cursor.totals().corrupt());

            reader.publish(0, 3, bytes("later"));
            final RingPoll poll = cursor.poll();
            assertEquals(1, poll.frames().size());
            assertEquals(0, poll.lost(), "the abandoned counter is not counted again");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void pendingCounterOfALiveWriterIsAbandonedAfterTheBound(final FleetBacking backing)
    {
        final long boundMs = 50;
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.shared(42, CAPACITY, 16);
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, Long.toString(boundMs));
             Fleet readerFleet = backing.join(dir, name, 2, 0);
             Fleet writerFleet = backing.join(dir, name, 2, 1))
        {
            final Ring reader = readerFleet.ring(spec);
            final RingCursor cursor = reader.cursorFromStart();
            RingTestHooks.publishWithoutCommit(writerFleet.ring(spec), 0, 1, bytes("stalled"));
            reader.publish(0, 2, bytes("behind it"));

            final long start = System.nanoTime();
            Await.until("the stalled counter passes the bound", () ->
            {
                cursor.poll(frame -> { });
                return cursor.next(0) == 2;
            });
            final long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(waitedMs >= boundMs, "given up only after the bound, waited " + waitedMs + " ms");
            assertTrue(readerFleet.isNodeAlive(1), "the writer is alive all along");
            assertEquals(1, cursor.totals().abandoned());
            assertEquals(1, cursor.totals().delivered());
            assertEquals(2, cursor.totals().movedPast());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void perNodePendingWriteNeverStallsOrCostsTheReader(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.perNode(43, CAPACITY, 16);
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, "600000");
             Fleet readerFleet = backing.join(dir, name, 2, 0);
             Fleet writerFleet = backing.join(dir, name, 2, 1))
        {
            final Ring reader = readerFleet.ring(spec);
            final Ring writer = writerFleet.ring(spec);
            final RingCursor cursor = reader.cursorFromStart();
            writer.publish(0, 1, bytes("committed"));
            RingTestHooks.publishWithoutCommit(writer, 0, 2, bytes("stopped"));
            reader.publish(0, 3, bytes("own lane"));

            final RingPoll poll = cursor.poll();
            assertEquals(List.of("own lane", "committed"), poll.frames().stream().map(Frame::payloadAsString).toList());
            assertEquals(0, poll.lost());
            assertEquals(1, cursor.next(1), "the lane head stops before the uncommitted counter");
            assertEquals(1, reader.head(1));
            assertTrue(cursor.poll().isEmpty());
        }
    }
}
