package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.InvalidNetIdException;
import io.orbit.runtime.exceptions.LeaseLostException;
import io.orbit.runtime.NetId64;
import io.orbit.runtime.exceptions.NodeInUseException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The replicator seam a bridge builds on: leases of other nodes held by one process, frames written
 * into their lanes with source counters and ids, and source-side gaps counted as loss by readers.
 */
class LaneReplicatorTest
{
    private static final int KIND = 9;
    private final ShmDirectory dir = ShmDirectory.create();
    private final String name = ShmDirectory.uniqueFleetName();
    private final UnsafeBuffer payload = new UnsafeBuffer(new byte[8]);

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private long replicate(final LaneReplicator replicator, final int node, final long counter, final long value)
    {
        payload.putLong(0, value);
        replicator.replicate(counter, NetId64.make(KIND, node, counter), 1000 + counter, 3, payload, 0, 8);
        return NetId64.make(KIND, node, counter);
    }

    @Test
    void replicatedFramesKeepTheirIdsCountersAndVersions()
    {
        try (Fleet bridge = Fleet.joinShmAs(name, 4, 0, dir.path()); Fleet reader = Fleet.joinShmAs(name, 4, 1, dir.path()))
        {
            final NodeLease lease = bridge.leaseNode(3);
            final LaneReplicator replicator = bridge.ring(RingSpec.perNode(KIND, 8, 8)).laneReplicator(lease);
            final Ring ring = reader.ring(RingSpec.perNode(KIND, 8, 8));
            final RingCursor cursor = ring.cursorFromStart();
            final long first = replicate(replicator, 3, 0, 42);
            final long second = replicate(replicator, 3, 1, 43);
            final List<Long> ids = new ArrayList<>();
            final List<Long> values = new ArrayList<>();
            cursor.poll(frame ->
            {
                ids.add(frame.id());
                values.add(frame.payload().getLong(0));
                assertEquals(3, frame.lane());
                assertEquals(1000 + frame.counter(), frame.version());
                assertEquals(3, frame.frameKind());
            });
            assertEquals(List.of(first, second), ids);
            assertEquals(List.of(42L, 43L), values);
            assertEquals(2, ring.head(3));
            assertTrue(ring.currentVersion() >= 1001, "the version counter is raised to the replicated version");
            assertTrue(ring.read(second).isPresent());
            assertEquals(2, replicator.replicated());
        }
    }

    @Test
    void aSourceGapInsideTheWindowIsCountedAsOverwrittenByReaders()
    {
        try (Fleet bridge = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final LaneReplicator replicator = bridge.ring(RingSpec.perNode(KIND, 8, 8)).laneReplicator(bridge.leaseNode(1));
            final RingCursor cursor = bridge.ring(RingSpec.perNode(KIND, 8, 8)).cursorFromStart();
            replicate(replicator, 1, 0, 0);
            replicate(replicator, 1, 4, 4); // counters 1..3 lost at the source
            final List<Long> counters = new ArrayList<>();
            final PollStats stats = cursor.poll(frame -> counters.add(frame.counter()));
            assertEquals(List.of(0L, 4L), counters);
            assertEquals(3, stats.overwritten());
            assertEquals(0, stats.corrupt());
            assertEquals(5, stats.movedPast());
            assertEquals(3, replicator.lost());
        }
    }

    @Test
    void aGapWiderThanTheWindowAndLaterLapsStayConsistent()
    {
        try (Fleet bridge = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final Ring ring = bridge.ring(RingSpec.perNode(KIND, 4, 8));
            final LaneReplicator replicator = ring.laneReplicator(bridge.leaseNode(1));
            final RingCursor cursor = ring.cursorFromStart();
            replicate(replicator, 1, 0, 0);
            assertEquals(1, cursor.poll(frame -> { }).delivered());
            replicate(replicator, 1, 10, 10); // 1..9 lost: 1..6 below the window, 7..9 marked
            PollStats stats = cursor.poll(frame -> assertEquals(10, frame.counter()));
            assertEquals(1, stats.delivered());
            assertEquals(9, stats.overwritten());
            assertEquals(0, stats.corrupt());
            for (long counter = 11; counter < 20; counter++)
            {
                replicate(replicator, 1, counter, counter); // the marked slots are reused without damage
            }
            stats = cursor.poll(frame -> { });
            assertEquals(0, stats.corrupt());
            assertEquals(9, stats.delivered() + stats.overwritten());
            assertEquals(9, replicator.lost());
        }
    }

    @Test
    void duplicatesAreSkippedAndWrongIdsRefused()
    {
        try (Fleet bridge = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final Ring ring = bridge.ring(RingSpec.perNode(KIND, 8, 8));
            final LaneReplicator replicator = ring.laneReplicator(bridge.leaseNode(1));
            replicate(replicator, 1, 0, 0);
            replicate(replicator, 1, 1, 1);
            payload.putLong(0, 99);
            assertFalse(replicator.replicate(0, NetId64.make(KIND, 1, 0), 1, 3, payload, 0, 8));
            assertEquals(1, replicator.duplicates());
            assertEquals(0, ring.readAt(1, 0).orElseThrow().payload()[0], "a duplicate never overwrites");
            assertThrows(InvalidNetIdException.class, () -> replicator.replicate(2, NetId64.make(KIND, 0, 2), 1, 3, payload, 0, 8));
            assertThrows(InvalidNetIdException.class, () -> replicator.replicate(2, NetId64.make(KIND, 1, 3), 1, 3, payload, 0, 8));
        }
    }

    @Test
    void aHeldLeaseKeepsTheNodeFromOthersAndAFreedLeaseStopsTheReplicator()
    {
        try (Fleet bridge = Fleet.joinShmAs(name, 3, 0, dir.path()))
        {
            final NodeLease lease = bridge.leaseNode(2);
            assertTrue(bridge.isNodeAlive(2));
            assertThrows(NodeInUseException.class, () -> Fleet.joinShmAs(name, 3, 2, dir.path()));
            assertThrows(NodeInUseException.class, () -> bridge.leaseNode(0));
            final LaneReplicator replicator = bridge.ring(RingSpec.perNode(KIND, 8, 8)).laneReplicator(lease);
            lease.close();
            assertFalse(lease.isHeld());
            assertFalse(bridge.isNodeAlive(2));
            assertThrows(LeaseLostException.class, () -> replicate(replicator, 2, 0, 0));
            try (Fleet local = Fleet.joinShmAs(name, 3, 2, dir.path()))
            {
                assertEquals(2, local.node());
            }
            final NodeLease again = bridge.leaseNode(2);
            bridge.close();
            assertFalse(again.isHeld(), "the fleet handle's close frees its extra leases");
        }
    }

    @Test
    void sharedRingsReMintTheCounterButKeepTheSourceNode()
    {
        try (Fleet bridge = Fleet.joinShmAs(name, 4, 0, dir.path()))
        {
            final Ring ring = bridge.ring(RingSpec.shared(KIND, 8, 8));
            ring.publish(0, ring.nextVersion(), new byte[] {1});
            final LaneReplicator replicator = ring.laneReplicator(bridge.leaseNode(2));
            payload.putLong(0, 7);
            assertTrue(replicator.replicate(0, NetId64.make(KIND, 2, 123), 500, 1, payload, 0, 8));
            final Frame frame = ring.readAt(0, 1).orElseThrow();
            assertEquals(NetId64.make(KIND, 2, 1), frame.id());
            assertEquals(500, frame.version());
            assertEquals(500, ring.currentVersion());
            assertEquals(501, ring.nextVersion(), "a later local write is newer than the replicated one");
        }
    }
}
