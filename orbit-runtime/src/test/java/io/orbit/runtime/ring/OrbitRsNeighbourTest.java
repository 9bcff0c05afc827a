package io.orbit.runtime.ring;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.ForeignWriterException;
import io.orbit.runtime.NetId64;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.codec.Orbital;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A Java fleet member next to a real orbit-rs-style process ({@link OrbitRsProcess}, a child JVM
 * writing the raw segment as the Rust crate does): a reset that leaves the reset generation alone,
 * a writer on a lane this process holds, and version-0 typed stores.
 */
class OrbitRsNeighbourTest
{
    private static final RingSpec SPEC = RingSpec.perNode(61, 8, 24);

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private static ChildJvm orbitRs(final Ring ring)
    {
        final RingSpec spec = ring.spec();
        final ChildJvm child = ChildJvm.start(Path.of(ring.location()).getParent(), OrbitRsProcess.class, ring.location(),
            String.valueOf(spec.kind()), String.valueOf(ring.laneCount()), String.valueOf(spec.capacity()),
            String.valueOf(spec.payloadCapacity()));
        child.awaitPrefix("READY");
        return child;
    }

    private static void run(final ChildJvm child, final String command)
    {
        CrossProcessSupport.send(child, command);
        child.awaitLine(line -> line.equals("OK " + command));
    }

    private static List<Frame> frames(final RingCursor cursor)
    {
        final RingPoll poll = cursor.poll();
        assertEquals(0, poll.lost(), "nothing lost in " + cursor.lastPoll());
        return poll.frames();
    }

    private static List<Long> versions(final List<Frame> frames)
    {
        final List<Long> versions = new ArrayList<>();
        frames.forEach(frame -> versions.add(frame.version()));
        return versions;
    }

    @Test
    void orbitRsResetThatMovesTheHeadBackIsReportedAndTheNewFramesDelivered()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 3, 0, dir.path()); ChildJvm rust = orbitRs(fleet.ring(SPEC)))
        {
            final Ring ring = fleet.ring(SPEC);
            final RingCursor cursor = ring.cursorFromStart();
            run(rust, "write lane=1 node=1 count=5 ver=100");
            assertEquals(List.of(100L, 101L, 102L, 103L, 104L), versions(frames(cursor)));

            run(rust, "reset");
            run(rust, "write lane=1 node=1 count=3 ver=900");
            assertEquals(0, ring.resetGeneration(), "orbit-rs leaves offset 48 alone");
            final PollStats seen = cursor.poll(frame -> fail("no frame in the poll that reports the reset"));
            assertEquals(1, seen.resets());
            assertTrue(seen.reset());
            final List<Frame> after = frames(cursor);
            assertEquals(List.of(900L, 901L, 902L), versions(after));
            assertEquals("rs:1:0", after.get(0).payloadAsString());
            assertEquals(1, cursor.totals().resets());
            assertTrue(cursor.poll().isEmpty());
            assertEquals(1, cursor.totals().resets(), "one reset is reported once");
        }
    }

    @Test
    void orbitRsResetRefilledPastTheCursorIsSeenInTheConsumedSlot()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 3, 0, dir.path()); ChildJvm rust = orbitRs(fleet.ring(SPEC)))
        {
            final Ring ring = fleet.ring(SPEC);
            final RingCursor cursor = ring.cursorFromStart();
            run(rust, "write lane=1 node=1 count=2 ver=100");
            assertEquals(2, frames(cursor).size());

            // The head goes 2 -> 0 -> 3 between two polls: it never looks lower than before.
            run(rust, "reset");
            run(rust, "write lane=1 node=1 count=3 ver=900");
            assertEquals(1, cursor.poll(frame -> fail("no frame in the poll that reports the reset")).resets());
            assertEquals(List.of(900L, 901L, 902L), versions(frames(cursor)), "all three new frames, not only counter 2");
        }
    }

    @Test
    void cursorsWithoutAResetReportNone()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 3, 0, dir.path()); ChildJvm rust = orbitRs(fleet.ring(SPEC)))
        {
            final Ring ring = fleet.ring(SPEC);
            final RingCursor fromStart = ring.cursorFromStart();
            final RingCursor ahead = ring.cursorFromCounter(40);
            for (int round = 0; round < 4; round++)
            {
                run(rust, "write lane=2 node=2 count=5 ver=" + (100 * round + 1));
                ring.publish(1, 7, new byte[] {1});
                fromStart.poll(frame -> { });
                ahead.poll(frame -> { });
            }
            assertEquals(0, fromStart.totals().resets());
            assertEquals(0, ahead.totals().resets());
            assertEquals(20 + 4, fromStart.totals().delivered());
        }
    }

    @Test
    void aForeignWriterOnTheHeldLaneIsCountedAndTheLaneStaysReadable()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 3, 1, dir.path()); ChildJvm rust = orbitRs(fleet.ring(SPEC)))
        {
            final Ring ring = fleet.ring(SPEC);
            final RingCursor cursor = ring.cursorFromStart();
            ring.publish(1, 10, new byte[] {1});
            ring.publish(1, 11, new byte[] {2});
            assertEquals(0, ring.writerStats().foreignWrites());

            run(rust, "write lane=1 node=1 count=3 ver=0"); // orbit-rs publishing as node 1: no lease to stop it
            final long id = ring.publish(1, 12, new byte[] {3});
            assertEquals(1, ring.writerStats().foreignWrites());
            assertEquals(5, NetId64.counter(id), "the Java writer carries on from the head it found");
            ring.publish(1, 13, new byte[] {4});
            assertEquals(1, ring.writerStats().foreignWrites(), "counted once per foreign move");
            assertEquals(List.of(10L, 11L, 0L, 0L, 0L, 12L, 13L), versions(frames(cursor)));
        }
    }

    @Test
    void failPolicyThrowsFromThePublishThatNoticesAndReleasesTheLane()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 3, 1, dir.path()))
        {
            final Ring ring;
            try (SystemProperty ignored = SystemProperty.set(OrbitProperties.FAIL_ON_FOREIGN_WRITER_PROPERTY, "true"))
            {
                ring = fleet.ring(SPEC);
            }
            try (ChildJvm rust = orbitRs(ring))
            {
                ring.publish(1, 10, new byte[] {1});
                run(rust, "write lane=1 node=1 count=2 ver=0");
                final ForeignWriterException thrown = assertThrows(ForeignWriterException.class, () -> ring.publish(1, 11, new byte[] {2}));
                assertTrue(thrown.getMessage().contains("ring KIND 61"), thrown.getMessage());
                assertTrue(thrown.getMessage().contains("lane 1 of node 1"), thrown.getMessage());
                assertTrue(thrown.getMessage().contains("from head 1 to 3"), thrown.getMessage());
                assertTrue(thrown.getMessage().contains(ring.location()), thrown.getMessage());
                assertEquals(3, ring.head(), "nothing was claimed");
                assertEquals(3, NetId64.counter(ring.publish(1, 12, new byte[] {3})), "the next publish proceeds");
                assertEquals(1, ring.writerStats().foreignWrites());
            }
        }
    }

    @Test
    void aJavaResetIsNoForeignWrite()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 1, 0, dir.path()))
        {
            final Ring ring = fleet.ring(SPEC);
            ring.publish(1, 1, new byte[] {1});
            ring.reset(false);
            ring.publish(1, 2, new byte[] {2});
            ring.publish(1, 3, new byte[] {3});
            assertEquals(0, ring.writerStats().foreignWrites());
        }
    }

    private static final OrbitCodec<Long> LONGS = new OrbitCodec<>(
        Long.class, RingSpec.perNode(62, 8, 8), 8, value -> { },
        (buffer, offset, value) -> buffer.putLong(offset, value, ByteOrder.LITTLE_ENDIAN),
        (buffer, offset) -> buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN));

    private static String hex(final long value)
    {
        return String.format("%016x", Long.reverseBytes(value));
    }

    @Test
    void aVersionZeroStoreSeenLaterIsTheNewestValue()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 3, 0, dir.path()))
        {
            final Orbital<Long> values = Orbital.of(fleet, LONGS);
            try (ChildJvm rust = orbitRs(values.ring()))
            {
                values.store(1L);
                values.store(2L);
                assertEquals(2L, values.load().orElseThrow());
                run(rust, "write lane=1 node=1 count=1 ver=0 hex=" + hex(77)); // Orbital::store in orbit-rs: version 0
                assertEquals(77L, values.load().orElseThrow(), "the newer version-0 store, not the older versioned one");
                values.store(3L);
                assertEquals(3L, values.load().orElseThrow());
                run(rust, "write lane=2 node=2 count=1 ver=0 hex=" + hex(88));
                assertEquals(88L, values.load().orElseThrow());
                run(rust, "write lane=1 node=1 count=1 ver=0 hex=" + hex(99));
                assertEquals(99L, values.load().orElseThrow(), "between two version-0 lanes the later change wins");
            }
            try (Fleet late = Fleet.joinShmAs(fleet.name(), 3, 2, dir.path()))
            {
                // A handle that never watched the lanes cannot order them: the version decides (documented).
                final Orbital<Long> fresh = Orbital.of(late, LONGS);
                assertEquals(3L, fresh.load().orElseThrow());
            }
        }
    }
}
