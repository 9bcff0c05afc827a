package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.NodeOutsideFleetException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Node liveness (docs/spec.md §4.3) and segment removal (docs/spec.md §3.2 step 4), in one JVM. Liveness across
 * processes is covered by the cross-process tests.
 */
class FleetLifecycleTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private Set<String> files() throws IOException
    {
        try (Stream<Path> files = Files.list(dir.path()))
        {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void nodeIsAliveWhileAHandleHoldsIt(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet node0 = backing.join(dir, name, 3, 0))
        {
            assertTrue(node0.isNodeAlive(0), "own node");
            assertFalse(node0.isNodeAlive(1));
            assertFalse(node0.isNodeAlive(2));

            final Fleet node1 = backing.join(dir, name, 3, 1);
            assertTrue(node0.isNodeAlive(1), "another live handle");
            assertTrue(node1.isNodeAlive(0));
            assertTrue(node1.isNodeAlive(1));
            node1.close();

            assertFalse(node0.isNodeAlive(1), "closing frees the lease");
            assertTrue(node0.isNodeAlive(0));

            final NodeOutsideFleetException ex = assertThrows(NodeOutsideFleetException.class, () -> node0.isNodeAlive(3));
            assertTrue(ex.getMessage().contains(name), ex.getMessage());
            assertThrows(NodeOutsideFleetException.class, () -> node0.isNodeAlive(-1));
        }
    }

    @Test
    void shmLeaseRecordsThePidOfItsHolder()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 2, 1, dir.path()))
        {
            assertEquals(ProcessHandle.current().pid(), fleet.nodePid(1));
        }
    }

    @Test
    void removeSegmentsRefusesWhileANodeIsAliveAndRemovesEverythingOtherwise() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        final String neighbour = name + "_2"; // shares a prefix: must survive the removal
        final Fleet node0 = Fleet.joinShmAs(name, 2, 0, dir.path());
        final Fleet node1 = Fleet.joinShmAs(name, 2, 1, dir.path());
        node0.ring(RingSpec.perNode(7, 4, 16)).publish(0, 1, new byte[] {1});
        node0.ring(RingSpec.shared(8, 4, 16)).publish(0, 1, new byte[] {2});
        try (Fleet other = Fleet.joinShmAs(neighbour, 1, 0, dir.path()))
        {
            other.ring(RingSpec.perNode(7, 4, 16)).publish(0, 1, new byte[] {3});
        }
        final Set<String> before = files();
        final List<String> fleetFiles = List.of(
            SegmentNames.segment(name, 7), SegmentNames.segment(name, 8),
            SegmentNames.nodeLease(name, 0), SegmentNames.nodeLease(name, 1));
        assertTrue(before.containsAll(fleetFiles), before.toString());

        OrbitException ex = assertThrows(OrbitException.class, () -> Fleet.removeSegments(name, dir.path()));
        assertTrue(ex.getMessage().contains(name), ex.getMessage());
        assertTrue(ex.getMessage().contains("alive"), ex.getMessage());
        assertEquals(before, files(), "nothing removed while nodes are alive");

        node0.close();
        ex = assertThrows(OrbitException.class, () -> Fleet.removeSegments(name, dir.path()));
        assertTrue(ex.getMessage().contains("node 1 is alive"), ex.getMessage());
        assertTrue(ex.getMessage().contains("pid " + ProcessHandle.current().pid()), ex.getMessage());
        assertEquals(before, files(), "one live node is enough to refuse");

        node1.close();
        assertEquals(fleetFiles.size(), Fleet.removeSegments(name, dir.path()));
        final Set<String> after = files();
        fleetFiles.forEach(file -> assertFalse(after.contains(file), file));
        assertTrue(after.contains(SegmentNames.segment(neighbour, 7)), "the neighbour fleet keeps its segment");
        assertTrue(after.contains(SegmentNames.nodeLease(neighbour, 0)));

        assertEquals(0, Fleet.removeSegments(name, dir.path()), "nothing left to remove");
    }

    @Test
    void aFleetJoinedAfterRemovalStartsFromEmptySegments()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.perNode(7, 4, 16);
        try (Fleet fleet = Fleet.joinShmAs(name, 1, 0, dir.path()))
        {
            fleet.ring(spec).publish(0, 1, new byte[] {1});
        }
        Fleet.removeSegments(name, dir.path());
        try (Fleet fleet = Fleet.joinShmAs(name, 1, 0, dir.path()))
        {
            assertTrue(fleet.ring(spec).created());
            assertEquals(0, fleet.ring(spec).head());
        }
    }

    @Test
    void processLocalFleetStateLivesAsLongAsOneHandle()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.perNode(7, 4, 16);
        final Fleet first = Fleet.joinAs(name, 2, 0);
        final long id = first.ring(spec).publish(0, 1, new byte[] {1});
        try (Fleet second = Fleet.joinAs(name, 2, 1))
        {
            first.close();
            assertTrue(second.ring(spec).read(id).isPresent(), "another handle keeps the fleet's segments");
            assertFalse(second.isNodeAlive(0));
        }
        try (Fleet fresh = Fleet.joinAs(name, 2, 0))
        {
            assertTrue(fresh.ring(spec).created(), "the last close dropped the process-local segments");
            assertTrue(fresh.ring(spec).read(id).isEmpty());
        }
    }
}
