package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.AtomicBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Boot-time reset (docs/spec.md §3.7, docs/orbit-rs.md W14): refused while another node is alive unless
 * forced; zeroes every slot, lane head and the version counter; cursors report the reset once and
 * restart at counter 0 instead of silently skipping.
 */
class RingResetTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void resetIsRefusedWhileAnotherNodeIsAlive(final FleetBacking backing, final Topology topology)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = new RingSpec(34, 4, 16, topology, 0);
        try (Fleet owner = backing.join(dir, name, 2, 0); Fleet other = backing.join(dir, name, 2, 1))
        {
            final Ring ring = owner.ring(spec);
            final long id = ring.publish(0, 1, new byte[] {1});
            other.ring(spec).publish(0, 2, new byte[] {2});

            final OrbitException ex = assertThrows(OrbitException.class, () -> ring.reset(false));
            assertTrue(ex.getMessage().contains("node 1 is alive"), ex.getMessage());
            assertTrue(ex.getMessage().contains("KIND 34"), ex.getMessage());
            assertTrue(ex.getMessage().contains(name), ex.getMessage());
            assertTrue(ex.getMessage().contains(ring.location()), ex.getMessage());

            assertEquals(0, ring.resetGeneration());
            assertTrue(ring.read(id).isPresent(), "a refused reset changes nothing");
            assertEquals(topology == Topology.SHARED ? 2 : 1, ring.head());
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void forcedResetZeroesTheRingAndCursorsReportItOnce(final FleetBacking backing, final Topology topology)
        throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = new RingSpec(35, 4, 16, topology, 0);
        try (Fleet owner = backing.join(dir, name, 2, 0); Fleet other = backing.join(dir, name, 2, 1))
        {
            final Ring ring = owner.ring(spec);
            final Ring otherRing = other.ring(spec);
            final long[] ids = {ring.publish(0, 1, new byte[] {1}), otherRing.publish(0, 2, new byte[] {2}),
                ring.publish(0, 3, new byte[] {3})};
            ring.nextVersion();
            ring.nextVersion();
            final RingCursor zeroAlloc = ring.cursorFromStart();
            final RingCursor listForm = otherRing.cursorFromStart();
            assertEquals(3, zeroAlloc.poll(frame -> { }).delivered());
            assertEquals(3, listForm.poll().frames().size());

            ring.reset(true);

            assertEquals(1, ring.resetGeneration());
            assertEquals(1, otherRing.resetGeneration(), "every handle sees the generation");
            for (int lane = 0; lane < ring.laneCount(); lane++)
            {
                assertEquals(0, ring.head(lane));
            }
            assertEquals(0, ring.currentVersion());
            for (final long id : ids)
            {
                assertTrue(otherRing.read(id).isEmpty());
            }
            assertTrue(ring.readHead().isEmpty());
            assertSlotsAreZero(ring);

            final long early = otherRing.publish(0, 9, new byte[] {9}); // before any cursor noticed the reset
            assertEquals(0, NetId64.counter(early), "counters restart at 0");

            final PollStats first = zeroAlloc.poll(frame -> fail("the reset is reported on its own"));
            assertTrue(first.reset());
            assertEquals(0, first.movedPast());
            final RingPoll firstList = listForm.poll();
            assertTrue(firstList.reset());
            assertFalse(firstList.isEmpty(), "a reset is news");
            for (int lane = 0; lane < ring.laneCount(); lane++)
            {
                assertEquals(0, zeroAlloc.next(lane), "the cursor restarts at counter 0");
                assertEquals(0, listForm.next(lane));
            }

            final PollStats second = zeroAlloc.poll(frame -> { });
            assertFalse(second.reset(), "reported once");
            assertEquals(1, second.delivered(), "the frame published between the reset and the poll is not skipped");
            assertEquals(0, second.lost());
            final RingPoll secondList = listForm.poll();
            assertFalse(secondList.reset());
            assertEquals(List.of(early), secondList.frames().stream().map(Frame::id).toList());

            final long fresh = ring.publish(0, 4, new byte[] {4});
            final RingPoll after = listForm.poll();
            assertEquals(List.of(fresh), after.frames().stream().map(Frame::id).toList());
            assertFalse(after.reset());
            assertEquals(0, after.lost());
            assertEquals(1, ring.nextVersion(), "the version counter restarts");
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void resetIsAllowedWhenAlone(final FleetBacking backing, final Topology topology)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = new RingSpec(36, 4, 16, topology, 0);
        try (Fleet owner = backing.join(dir, name, 3, 0))
        {
            final Ring ring = owner.ring(spec);
            try (Fleet gone = backing.join(dir, name, 3, 2))
            {
                gone.ring(spec).publish(0, 1, new byte[] {1});
            }
            final long id = ring.publish(0, 2, new byte[] {2});
            final RingCursor cursor = ring.cursorAtHead();

            ring.reset(false);

            assertTrue(ring.read(id).isEmpty());
            for (int lane = 0; lane < ring.laneCount(); lane++)
            {
                assertEquals(0, ring.head(lane));
            }
            assertTrue(cursor.poll().reset());
            assertEquals(1, ring.resetGeneration());
        }
    }

    /** Every byte of every slot of every lane is zero again: in the file itself for shared memory. */
    private static void assertSlotsAreZero(final Ring ring) throws IOException
    {
        final int slots = RingLayout.slotsOffset(ring.laneCount());
        final byte[] segment;
        if (ring.location().startsWith("local:"))
        {
            final AtomicBuffer memory = RingTestHooks.memory(ring);
            segment = new byte[memory.capacity()];
            memory.getBytes(0, segment);
        }
        else
        {
            segment = Files.readAllBytes(Path.of(ring.location()));
        }
        assertEquals(ring.spec().segmentLength(ring.laneCount()), segment.length);
        for (int i = slots; i < segment.length; i++)
        {
            assertEquals(0, segment[i], "slot byte at offset " + i);
        }
        for (int lane = 0; lane < ring.laneCount(); lane++)
        {
            for (int i = 0; i < 64; i++)
            {
                assertEquals(0, segment[64 + 64 * lane + i], "lane header " + lane + " byte " + i);
            }
        }
    }
}
