package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Port of {@code orbit-rs/tests/shm_ring.rs} ({@code spec(c) = RingSpec::new(c, 16)}, a SHARED ring),
 * on both backings and, where the Rust test is not topology-specific, on both topologies. Two fleet
 * handles of one name stand for two Rust ring handles of one segment. Segment sizes are in
 * {@code RingLayoutTest}.
 */
class ShmRingTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private static RingSpec spec(final int capacity, final Topology topology)
    {
        return new RingSpec(7, capacity, 16, topology, 0);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void openOrCreateCreatesFirstThenAttaches(final FleetBacking backing, final Topology topology) // shm_ring.rs
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet first = backing.join(dir, name, 2, 0); Fleet second = backing.join(dir, name, 2, 1))
        {
            assertTrue(first.ring(spec(16, topology)).created());
            assertFalse(second.ring(spec(16, topology)).created());
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void writeThenReadReturnsSameFrame(final FleetBacking backing, final Topology topology) // shm_ring.rs
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 4, 3))
        {
            final Ring ring = fleet.ring(spec(16, topology));
            final long id = ring.publish(0, 42, bytes("hello"));
            assertEquals(7, NetId64.kind(id));
            assertEquals(3, NetId64.node(id));
            assertEquals(0, NetId64.counter(id));

            final Frame frame = ring.read(id).orElseThrow();
            assertEquals(id, frame.id());
            assertEquals(0, frame.frameKind());
            assertEquals(42, frame.version());
            assertEquals("hello", frame.payloadAsString());
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void headAdvancesWithWrites(final FleetBacking backing, final Topology topology) // shm_ring.rs
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(spec(16, topology));
            assertEquals(0, ring.head());
            ring.publish(0, 1, bytes("a"));
            ring.publish(0, 2, bytes("b"));
            assertEquals(2, ring.head());
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void readHeadReturnsLatest(final FleetBacking backing, final Topology topology) // shm_ring.rs
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(spec(16, topology));
            assertTrue(ring.readHead().isEmpty());
            ring.publish(0, 1, bytes("first"));
            final long last = ring.publish(0, 2, bytes("second"));
            final Frame head = ring.readHead().orElseThrow();
            assertEquals(last, head.id());
            assertEquals("second", head.payloadAsString());
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void wraparoundOverwritesOldSlots(final FleetBacking backing, final Topology topology) // shm_ring.rs
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(spec(4, topology));
            final long[] ids = new long[6];
            for (int i = 0; i < ids.length; i++)
            {
                ids[i] = ring.publish(0, i, bytes("frame-" + i));
            }
            assertTrue(ring.read(ids[0]).isEmpty());
            assertTrue(ring.read(ids[1]).isEmpty());
            for (int i = 2; i < ids.length; i++)
            {
                assertEquals("frame-" + i, ring.read(ids[i]).orElseThrow().payloadAsString());
            }
            assertTrue(ring.readAt(ring.writeLane(), 1).isEmpty(), "an overwritten counter is not read back from its slot");
            assertEquals("frame-5", ring.readAt(ring.writeLane(), 5).orElseThrow().payloadAsString());
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void twoHandlesSameSegmentShareState(final FleetBacking backing, final Topology topology) // shm_ring.rs
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet writer = backing.join(dir, name, 2, 0); Fleet reader = backing.join(dir, name, 2, 1))
        {
            final Ring writerRing = writer.ring(spec(16, topology));
            final Ring readerRing = reader.ring(spec(16, topology));
            final long id = writerRing.publish(0, 5, bytes("shared"));

            assertEquals("shared", readerRing.read(id).orElseThrow().payloadAsString());
            assertEquals(id, readerRing.readHead().orElseThrow().id());
            assertEquals(1, readerRing.head(writerRing.writeLane()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void payloadTooLargeReturnsError(final FleetBacking backing, final Topology topology) throws IOException // shm_ring.rs
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = backing.join(dir, name, 1, 0))
        {
            final Ring ring = fleet.ring(spec(4, topology));
            final long kept = ring.publish(0, 1, bytes("kept"));
            final byte[] before = snapshot(ring);

            final PayloadTooLargeException ex =
                assertThrows(PayloadTooLargeException.class, () -> ring.publish(0, 2, new byte[17]));
            assertTrue(ex.getMessage().contains("17 bytes"), ex.getMessage());
            assertTrue(ex.getMessage().contains("payload capacity 16"), ex.getMessage());
            assertTrue(ex.getMessage().contains("KIND 7"), ex.getMessage());
            assertTrue(ex.getMessage().contains(name), ex.getMessage());
            assertThrows(PayloadTooLargeException.class, () -> ring.publishBatch(0, 2, List.of(new byte[1], new byte[17])));
            assertThrows(PayloadTooLargeException.class, () -> ring.publishBatch(0, 2, List.of(new byte[1], new byte[1],
                new byte[1], new byte[1], new byte[1])), "a batch larger than the capacity");

            assertEquals(1, ring.head(), "nothing was claimed");
            assertArrayEquals(before, snapshot(ring), "nothing was written");
            assertEquals("kept", ring.read(kept).orElseThrow().payloadAsString());
            assertEquals(1, NetId64.counter(ring.publish(0, 3, new byte[16])), "the next publish takes the next counter");
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void everyPublishFormChecksThePayloadLengthBeforeClaiming(final FleetBacking backing, final Topology topology)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(spec(4, topology));
            final UnsafeBuffer source = new UnsafeBuffer(new byte[64]);
            assertThrows(PayloadTooLargeException.class, () -> ring.publish(0, 1, source, 0, 17));
            assertThrows(PayloadTooLargeException.class, () -> ring.publish(0, 1, source, 0, -1));
            assertThrows(PayloadTooLargeException.class,
                () -> ring.publish(0, 1, 17, (buffer, offset, value) -> fail("the encoder must not run"), "x"));
            assertEquals(0, ring.head());
            assertEquals(0, NetId64.counter(ring.publish(0, 1, source, 0, 16)));
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void readOfAnIdFromANodeOutsideTheFleetIsEmpty(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 1))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(7, 4, 16));
            ring.publish(0, 1, bytes("x"));
            assertTrue(ring.read(NetId64.make(7, 5, 0)).isEmpty());
            assertTrue(ring.read(NetId64.make(7, 0, 0)).isEmpty(), "node 0's lane is empty");
            assertTrue(ring.read(NetId64.make(7, 1, 0)).isPresent());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void perNodeReadHeadIsTheHighestVersionAcrossLanes(final FleetBacking backing) // docs/spec.md §3.6
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.perNode(7, 4, 16);
        try (Fleet node0 = backing.join(dir, name, 3, 0); Fleet node2 = backing.join(dir, name, 3, 2))
        {
            final Ring ring0 = node0.ring(spec);
            final Ring ring2 = node2.ring(spec);
            final long high = ring2.publish(0, 10, bytes("version 10"));
            ring0.publish(0, 5, bytes("version 5, later"));
            assertEquals(high, ring0.readHead().orElseThrow().id());
            assertEquals(high, ring2.readHead().orElseThrow().id());

            final long newest = ring0.publish(0, 11, bytes("version 11"));
            assertEquals(newest, ring2.readHead().orElseThrow().id());
            final FrameView laneHead = ring0.newFrameView();
            assertTrue(ring0.readLaneHead(2, laneHead));
            assertEquals(high, laneHead.id(), "a lane's own head is still its newest frame");
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void concurrentOpenersCreateTheSegmentExactlyOnce(final FleetBacking backing, final Topology topology) throws Exception
    {
        final int openers = 4;
        final String name = ShmDirectory.uniqueFleetName();
        final List<Fleet> fleets = new ArrayList<>();
        try
        {
            for (int node = 0; node < openers; node++)
            {
                fleets.add(backing.join(dir, name, openers, node));
            }
            final Ring[] rings = new Ring[openers];
            final Throwable[] failures = new Throwable[openers];
            final CyclicBarrier start = new CyclicBarrier(openers);
            final List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < openers; i++)
            {
                final int index = i;
                threads.add(new Thread(() ->
                {
                    try
                    {
                        await(start);
                        rings[index] = fleets.get(index).ring(spec(16, topology));
                    }
                    catch (final Throwable ex)
                    {
                        failures[index] = ex;
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (final Thread thread : threads)
            {
                thread.join();
            }
            int created = 0;
            for (int i = 0; i < openers; i++)
            {
                assertNull(failures[i], () -> "opener failed: " + failures[0] + failures[1] + failures[2] + failures[3]);
                created += rings[i].created() ? 1 : 0;
            }
            assertEquals(1, created, "exactly one creator");
            final long id = rings[3].publish(0, 1, bytes("seen by all"));
            for (final Ring ring : rings)
            {
                assertEquals("seen by all", ring.read(id).orElseThrow().payloadAsString());
            }
        }
        finally
        {
            fleets.forEach(Fleet::close);
        }
    }

    /** The whole segment: the file for shared memory, the buffer for a process-local fleet. */
    private static byte[] snapshot(final Ring ring) throws IOException
    {
        if (ring.location().startsWith("local:"))
        {
            final byte[] bytes = new byte[RingTestHooks.memory(ring).capacity()];
            RingTestHooks.memory(ring).getBytes(0, bytes);
            return bytes;
        }
        return Files.readAllBytes(Path.of(ring.location()));
    }

    @Test
    void sameKindRejectsADifferentRingSpec() throws IOException // shm_ring.rs
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet creator = Fleet.joinShmAs(name, 2, 0, dir.path()); Fleet attacher = Fleet.joinShmAs(name, 2, 1, dir.path()))
        {
            final Ring ring = creator.ring(RingSpec.shared(7, 16, 32));
            ring.publish(0, 1, bytes("x"));
            final byte[] before = Files.readAllBytes(Path.of(ring.location()));

            final SegmentLayoutException ex =
                assertThrows(SegmentLayoutException.class, () -> attacher.ring(RingSpec.shared(7, 16, 256)));
            assertTrue(ex.getMessage().contains(ring.location()), ex.getMessage());
            assertTrue(ex.getMessage().contains("payload_capacity expected 256 but found 32"), ex.getMessage());
            assertArrayEquals(before, Files.readAllBytes(Path.of(ring.location())));
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void zeroPayloadRingAcceptsOnlyEmptyFrames(final FleetBacking backing, final Topology topology) // shm_ring.rs
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(new RingSpec(7, 4, 0, topology, 0));
            final long id = ring.publish(3, 1, new byte[0]);
            final Frame frame = ring.read(id).orElseThrow();
            assertEquals(0, frame.payload().length);
            assertEquals(3, frame.frameKind());
            assertThrows(PayloadTooLargeException.class, () -> ring.publish(0, 2, new byte[1]));
            assertEquals(1, ring.head());
        }
    }

    /**
     * shm_ring.rs {@code shared_ordered_serializes_independent_writer_handles}, adapted: SharedOrdered is not
     * implemented, so two independent handles write a SHARED ring {@code (2048, 0)} concurrently.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void sharedSerializesIndependentWriterHandles(final FleetBacking backing) throws Exception
    {
        final String name = ShmDirectory.uniqueFleetName();
        final int perHandle = 1000;
        try (Fleet node0 = backing.join(dir, name, 2, 0); Fleet node1 = backing.join(dir, name, 2, 1))
        {
            final RingSpec spec = RingSpec.shared(7, 2048, 0);
            final List<Ring> rings = List.of(node0.ring(spec), node1.ring(spec));
            final CyclicBarrier start = new CyclicBarrier(2);
            final List<List<Long>> ids = List.of(new ArrayList<>(), new ArrayList<>());
            final List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 2; w++)
            {
                final Ring ring = rings.get(w);
                final List<Long> mine = ids.get(w);
                threads.add(new Thread(() ->
                {
                    await(start);
                    for (int i = 0; i < perHandle; i++)
                    {
                        mine.add(ring.publish(0, i, new byte[0]));
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (final Thread thread : threads)
            {
                thread.join();
            }

            final Set<Long> counters = new TreeSet<>();
            for (int w = 0; w < 2; w++)
            {
                for (final long id : ids.get(w))
                {
                    assertEquals(w, NetId64.node(id));
                    counters.add(NetId64.counter(id));
                    assertTrue(rings.get(1 - w).read(id).isPresent(), "every counter is readable from the other handle");
                }
            }
            assertEquals(LongStream.range(0, 2 * perHandle).boxed().toList(), List.copyOf(counters));
            assertEquals(2 * perHandle, rings.get(0).head());
            assertEquals(0, rings.get(0).writerStats().lappedAtBirth() + rings.get(1).writerStats().lappedAtBirth());
        }
    }

    private static void await(final CyclicBarrier barrier)
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

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void perNodeBatchIsContiguousAndAddressable(final FleetBacking backing) // shm_ring.rs
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet node1 = backing.join(dir, name, 3, 1); Fleet node2 = backing.join(dir, name, 3, 2))
        {
            final RingSpec spec = RingSpec.perNode(7, 16, 16);
            node2.ring(spec).publish(0, 1, bytes("other lane"));
            final long[] ids = node1.ring(spec).publishBatch(0, 1, List.of(bytes("a"), bytes("bb"), bytes("ccc")));
            for (int i = 0; i < ids.length; i++)
            {
                assertEquals(1, NetId64.node(ids[i]));
                assertEquals(i, NetId64.counter(ids[i]));
            }
            final Ring reader = node2.ring(spec);
            assertEquals(3, reader.head(1));
            assertEquals(1, reader.head(2), "another node's lane is untouched");
            assertEquals("bb", reader.read(ids[1]).orElseThrow().payloadAsString());
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void attachedHandlesShareOneSemanticVersionCounter(final FleetBacking backing, final Topology topology) // shm_ring.rs
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet first = backing.join(dir, name, 2, 0); Fleet second = backing.join(dir, name, 2, 1))
        {
            final Ring a = first.ring(spec(16, topology));
            final Ring b = second.ring(spec(16, topology));
            assertEquals(1, a.nextVersion());
            assertEquals(2, b.nextVersion());
            assertEquals(3, a.nextVersion());
            assertEquals(3, b.currentVersion());
        }
    }
}
