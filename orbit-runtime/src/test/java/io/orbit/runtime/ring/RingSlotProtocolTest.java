package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Port of the unit tests in {@code orbit-rs/src/ring/shm.rs} (a writer stopped between its stamp and
 * its commit, and concurrent local publishers), plus the SHARED slot-acquisition rules of docs/spec.md §3.4
 * that replace the Rust {@code SharedOrdered} recovery test: a dead writer's slot is taken over, a live
 * paused writer's slot never is.
 */
class RingSlotProtocolTest
{
    private static final Duration NOT_BLOCKED = Duration.ofSeconds(20);

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

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void cursorRetriesAClaimedSlotAfterItCommits(final FleetBacking backing) // ring/shm.rs unit test
    {
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, "60000");
             Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.shared(7, 4, 16));
            final RingCursor cursor = ring.cursorFromStart();
            RingTestHooks.publishWithoutCommit(ring, 0, 1, bytes("ready"));
            assertEquals(1, ring.head());
            assertEquals(1, RingTestHooks.stamp(ring, 0, 0), "claimed: stamp 2c+1");

            assertTrue(cursor.poll().isEmpty());
            assertEquals(0, cursor.next(0));
            assertTrue(ring.readHead().isEmpty(), "an uncommitted slot is never read");

            RingTestHooks.putStamp(ring, 0, 0, 2); // the writer commits: stamp 2c+2
            final RingPoll poll = cursor.poll();
            assertEquals(1, poll.frames().size());
            assertEquals("ready", poll.frames().get(0).payloadAsString());
            assertEquals(1, cursor.next(0));
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void perNodeHeadIgnoresAWriterThatDiesBeforeCommit(final FleetBacking backing) // ring/shm.rs unit test
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.perNode(7, 4, 16);
        try (Fleet reader = backing.join(dir, name, 2, 0))
        {
            final Ring readerRing = reader.ring(spec);
            final RingCursor cursor = readerRing.cursorFromStart();
            try (Fleet dying = backing.join(dir, name, 2, 1))
            {
                final Ring ring = dying.ring(spec);
                final long lost = RingTestHooks.publishWithoutCommit(ring, 0, 1, bytes("dying"));
                assertEquals(0, NetId64.counter(lost));
                assertEquals(1, RingTestHooks.stamp(ring, 1, 0), "an odd stamp is left in lane 1");
            }
            assertEquals(0, readerRing.head(1), "the lane head covers committed frames only");
            assertTrue(cursor.poll().isEmpty(), "readers are not stalled and count no loss");
            assertEquals(0, cursor.lastPoll().movedPast());
            assertTrue(readerRing.readHead().isEmpty());

            readerRing.publish(0, 1, bytes("node 0 goes on"));
            assertEquals(List.of("node 0 goes on"), cursor.poll().frames().stream().map(Frame::payloadAsString).toList());

            try (Fleet replacement = backing.join(dir, name, 2, 1))
            {
                final long id = replacement.ring(spec).publish(0, 2, bytes("replacement"));
                assertEquals(1, NetId64.node(id));
                assertEquals(0, NetId64.counter(id), "the next holder of the node reuses the counter");
                assertEquals(1, readerRing.head(1));
                assertEquals("replacement", readerRing.read(id).orElseThrow().payloadAsString());

                final RingPoll poll = cursor.poll();
                assertEquals(List.of("replacement"), poll.frames().stream().map(Frame::payloadAsString).toList());
                assertEquals(0, poll.lost());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void perNodeWriterThatStoppedBeforeCommitIsOverwrittenByItsNextPublish(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 1))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(7, 4, 16));
            RingTestHooks.publishWithoutCommit(ring, 0, 1, bytes("stopped"));
            assertEquals(0, ring.head(1));
            final long id = ring.publish(0, 2, bytes("next"));
            assertEquals(0, NetId64.counter(id));
            assertEquals(2, RingTestHooks.stamp(ring, 1, 0));
            assertEquals("next", ring.read(id).orElseThrow().payloadAsString());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void perNodeLaneSerializesConcurrentLocalPublishers(final FleetBacking backing) throws Exception // ring/shm.rs unit test
    {
        final int threads = 4;
        final int perThread = 64;
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 1))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(7, threads * perThread, 16));
            final ConcurrentHashMap<Long, String> published = new ConcurrentHashMap<>();
            final CyclicBarrier start = new CyclicBarrier(threads);
            final List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++)
            {
                final int thread = t;
                workers.add(new Thread(() ->
                {
                    awaitBarrier(start);
                    for (int i = 0; i < perThread; i++)
                    {
                        final String payload = thread + "/" + i;
                        published.put(ring.publish(0, i, bytes(payload)), payload); // a duplicate id would shrink the map
                    }
                }));
            }
            workers.forEach(Thread::start);
            for (final Thread worker : workers)
            {
                worker.join();
            }

            final Set<Long> counters = new TreeSet<>();
            published.forEach((id, payload) ->
            {
                assertEquals(1, NetId64.node(id));
                counters.add(NetId64.counter(id));
                assertEquals(payload, ring.read(id).orElseThrow().payloadAsString());
            });
            assertEquals(LongStream.range(0, threads * perThread).boxed().toList(), List.copyOf(counters));
            assertEquals(threads * perThread, ring.head(1));
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void sharedWriterTakesOverTheSlotOfADeadWriter(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.shared(7, 4, 16);
        // A bound far beyond the test: only the dead-writer signal can explain a takeover.
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, "600000");
             Fleet survivor = backing.join(dir, name, 2, 0))
        {
            final Ring ring = survivor.ring(spec);
            try (Fleet dying = backing.join(dir, name, 2, 1))
            {
                RingTestHooks.publishWithoutCommit(dying.ring(spec), 0, 1, bytes("dead"));
            }
            assertFalse(survivor.isNodeAlive(1));

            final long[] ids = assertTimeoutPreemptively(NOT_BLOCKED, () ->
            {
                final long[] published = new long[4];
                for (int i = 0; i < published.length; i++)
                {
                    published[i] = ring.publish(0, i, bytes("survivor-" + i)); // counter 4 lands on the dead writer's slot
                }
                return published;
            });

            assertEquals(1, ring.writerStats().takeovers());
            assertEquals(0, ring.writerStats().gaveUpBehindLiveWriter());
            assertEquals(0, ring.writerStats().lappedAtBirth());
            assertEquals(4, NetId64.counter(ids[3]));
            assertEquals("survivor-3", ring.read(ids[3]).orElseThrow().payloadAsString());
            assertEquals(10, RingTestHooks.stamp(ring, 0, 4), "committed 2c+2 for c = 4");

            final RingCursor cursor = ring.cursorFromStart();
            final RingPoll poll = cursor.poll();
            assertEquals(4, poll.frames().size());
            assertEquals(1, poll.overwritten(), "the dead writer's counter 0");
            assertEquals(0, poll.abandoned() + poll.corrupt());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void sharedWriterNeverTakesOverTheSlotOfALivePausedWriter(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.shared(7, 4, 16);
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, "50");
             Fleet lapping = backing.join(dir, name, 2, 0);
             Fleet paused = backing.join(dir, name, 2, 1))
        {
            final Ring ring = lapping.ring(spec);
            final long pausedId = RingTestHooks.publishWithoutCommit(paused.ring(spec), 0, 1, bytes("paused"));

            long dropped = 0;
            for (int i = 0; i < 4; i++)
            {
                dropped = ring.publish(0, i, bytes("lap-" + i)); // counter 4 wants the paused writer's slot
            }

            assertEquals(0, ring.writerStats().takeovers());
            assertEquals(1, ring.writerStats().gaveUpBehindLiveWriter(), "dropped its own frame after the bound");
            assertEquals(1, RingTestHooks.stamp(ring, 0, 0), "the paused writer still owns its slot");
            assertEquals(pausedId, RingTestHooks.id(ring, 0, 0), "and its bytes are intact");
            assertTrue(ring.read(dropped).isEmpty());

            final RingCursor cursor = ring.cursorFromStart();
            Await.until("the cursor has accounted for all five counters", () ->
            {
                cursor.poll(frame -> { });
                return cursor.next(0) == 5;
            });
            assertEquals(3, cursor.totals().delivered());
            assertEquals(1, cursor.totals().overwritten(), "the paused counter 0 is a full lap behind the head");
            assertEquals(1, cursor.totals().abandoned(), "the dropped counter 4, once past the bound");
            assertEquals(5, cursor.totals().movedPast());
            assertTrue(lapping.isNodeAlive(1));
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void sharedWriterLappedAtBirthNeverRegressesANewerSlot(final FleetBacking backing) // docs/orbit-rs.md W2
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.shared(7, 4, 16));
            RingTestHooks.forceLaneHead(ring, 0, 4);
            final long newer = ring.publish(0, 2, bytes("newer lap"));  // counter 4 commits into slot 0
            RingTestHooks.forceLaneHead(ring, 0, 0);                                   // a writer that claimed counter 0 long ago ...
            final long late = ring.publish(0, 1, bytes("late"));        // ... arrives only now

            assertEquals(0, NetId64.counter(late));
            assertEquals(1, ring.writerStats().lappedAtBirth(), "dropped at birth");
            assertEquals(10, RingTestHooks.stamp(ring, 0, 0), "slot 0 still holds counter 4, committed");
            assertEquals(newer, RingTestHooks.id(ring, 0, 0));
            assertEquals("newer lap", ring.readAt(0, 4).orElseThrow().payloadAsString());
            assertTrue(ring.read(late).isEmpty());
        }
    }

    /**
     * A SHARED writer whose node died while it was mid-write is taken over; when it "resumes" its
     * commit CAS fails and it leaves the new owner's frame alone. Process-local only: the paused writer
     * keeps using its ring after its fleet closed, which a mapped segment would not allow.
     */
    @Test
    void sharedWriterTakenOverAfterItsNodeDiedDoesNotCommit() throws Exception
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.shared(7, 4, 16);
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, "600000");
             Fleet survivor = FleetBacking.LOCAL.join(dir, name, 2, 0))
        {
            final Ring ring = survivor.ring(spec);
            final Fleet paused = FleetBacking.LOCAL.join(dir, name, 2, 1);
            final Ring pausedRing = paused.ring(spec);
            final CountDownLatch midWrite = new CountDownLatch(1);
            final CountDownLatch resume = new CountDownLatch(1);
            final Thread writer = new Thread(() -> pausedRing.publish(0, 1, 5, (buffer, offset, value) ->
            {
                buffer.putBytes(offset, value);
                midWrite.countDown();
                awaitLatch(resume);
            }, bytes("stale")));
            writer.start();
            awaitLatch(midWrite);
            assertEquals(1, RingTestHooks.stamp(ring, 0, 0), "the paused writer holds counter 0 mid-write");

            paused.close(); // its node is dead now
            final long[] ids = assertTimeoutPreemptively(NOT_BLOCKED, () ->
            {
                final long[] published = new long[4];
                for (int i = 0; i < published.length; i++)
                {
                    published[i] = ring.publish(0, i, bytes("fresh-" + i));
                }
                return published;
            });
            assertEquals(1, ring.writerStats().takeovers());

            resume.countDown();
            writer.join();
            assertEquals(1, pausedRing.writerStats().takenOver(), "its commit failed");
            assertEquals(10, RingTestHooks.stamp(ring, 0, 4), "the new owner's commit stands");
            assertEquals("fresh-3", ring.read(ids[3]).orElseThrow().payloadAsString());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void readHeadNeverReturnsAStaleSlotFromAnEarlierLap(final FleetBacking backing) // docs/orbit-rs.md W6
    {
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, "600000");
             Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(RingSpec.shared(7, 4, 16));
            for (int i = 0; i < 4; i++)
            {
                ring.publish(0, i, bytes("frame-" + i));
            }
            RingTestHooks.forceLaneHead(ring, 0, 5); // counter 4 claimed, not yet stamped: slot 0 still holds counter 0
            assertEquals("frame-3", ring.readHead().orElseThrow().payloadAsString());
            assertTrue(ring.readAt(0, 4).isEmpty(), "counter 4 is not the frame of counter 0");

            RingTestHooks.forceLaneHead(ring, 0, 4);
            RingTestHooks.publishWithoutCommit(ring, 0, 9, bytes("in flight")); // counter 4 stamped odd
            assertEquals("frame-3", ring.readHead().orElseThrow().payloadAsString());
        }
    }

    private static void awaitLatch(final CountDownLatch latch)
    {
        try
        {
            if (!latch.await(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
            {
                throw new IllegalStateException("latch not released within " + Await.TIMEOUT);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void awaitBarrier(final CyclicBarrier barrier)
    {
        try
        {
            barrier.await();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
