package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.InvalidFleetNameException;
import io.orbit.runtime.exceptions.InvalidFleetSizeException;
import io.orbit.runtime.exceptions.KindConflictException;
import io.orbit.runtime.exceptions.NodeInUseException;
import io.orbit.runtime.exceptions.NodeOutsideFleetException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.ShmDirectoryException;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Bad input at join time and in the ring registry (docs/spec.md §3.1, §4.1, §4.2, §4.3, §7): each with its
 * specific exception and a message that names the fleet, the node, the KIND or the limit.
 */
class FleetJoinTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private long filesInDirectory() throws IOException
    {
        try (Stream<?> files = Files.list(dir.path()))
        {
            return files.count();
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"../x", "", "abcdefghijklmnopqrstuvwxyz0123456", "a-b", "a/b", ".", "..", "a b", "é", "a\0b"})
    void invalidFleetNamesAreRejected(final String name) throws IOException
    {
        for (final FleetBacking backing : FleetBacking.values())
        {
            final InvalidFleetNameException ex = assertThrows(InvalidFleetNameException.class, () -> backing.join(dir, name, 2, 0));
            assertTrue(ex.getMessage().contains(name == null ? "null" : "'" + name + "'"), ex.getMessage());
            assertTrue(ex.getMessage().contains("[A-Za-z0-9_.]"), "message shows the rule: " + ex.getMessage());
            assertTrue(ex.getMessage().contains("32"), "message shows the length limit: " + ex.getMessage());
        }
        assertThrows(InvalidFleetNameException.class, () -> Fleet.join(name, 1));
        assertThrows(InvalidFleetNameException.class, () -> Fleet.removeSegments(name, dir.path()));
        assertEquals(0, filesInDirectory(), "a rejected name creates no file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "abcdefghijklmnopqrstuvwxyz012345", "Fleet_1.v2", "..."})
    void validFleetNamesAreAccepted(final String name)
    {
        for (final FleetBacking backing : FleetBacking.values())
        {
            try (Fleet fleet = backing.join(dir, name, 1, 0))
            {
                assertEquals(name, fleet.name());
                assertNotNull(fleet.ring(RingSpec.perNode(7, 4, 8)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void fleetSizeMustBe1To65535(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        for (final int size : new int[] {0, -1, 65536})
        {
            final InvalidFleetSizeException ex = assertThrows(InvalidFleetSizeException.class, () -> backing.join(dir, name, size, 0));
            assertTrue(ex.getMessage().contains(name), ex.getMessage());
            assertTrue(ex.getMessage().contains("1..65535"), ex.getMessage());
            assertTrue(ex.getMessage().contains("was " + size), ex.getMessage());
        }
        try (Fleet largest = backing.join(dir, name, 65535, 65534))
        {
            assertEquals(65535, largest.size());
            assertEquals(65534, largest.node());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void nodeMustBeInsideTheFleet(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        for (final int node : new int[] {3, 4, -1, 65535})
        {
            final NodeOutsideFleetException ex =
                assertThrows(NodeOutsideFleetException.class, () -> backing.join(dir, name, 3, node));
            assertTrue(ex.getMessage().contains(name), ex.getMessage());
            assertTrue(ex.getMessage().contains("node " + node), ex.getMessage());
            assertTrue(ex.getMessage().contains("0..2"), ex.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void nodeJoinedTwiceIsInUse(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet first = backing.join(dir, name, 2, 1))
        {
            final NodeInUseException ex = assertThrows(NodeInUseException.class, () -> backing.join(dir, name, 2, 1));
            assertTrue(ex.getMessage().contains("node 1"), ex.getMessage());
            assertTrue(ex.getMessage().contains(name), ex.getMessage());
            if (backing == FleetBacking.SHM)
            {
                assertTrue(ex.getMessage().contains("pid " + ProcessHandle.current().pid()), ex.getMessage());
                assertTrue(ex.getMessage().contains(dir.resolve(SegmentNames.nodeLease(name, 1)).toString()), ex.getMessage());
            }
            // The failed join neither stole nor dropped the lease.
            assertTrue(first.isNodeAlive(1));
            try (Fleet other = backing.join(dir, name, 2, 0))
            {
                assertTrue(other.isNodeAlive(1));
            }
        }
        try (Fleet again = backing.join(dir, name, 2, 1))
        {
            assertEquals(1, again.node(), "the node is free once its holder closed");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void sameKindWithAnotherSpecIsAKindConflict(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = backing.join(dir, name, 1, 0))
        {
            final RingSpec first = RingSpec.perNode(12, 16, 32);
            final RingSpec second = RingSpec.perNode(12, 16, 64);
            final Ring ring = fleet.ring(first);

            final KindConflictException ex = assertThrows(KindConflictException.class, () -> fleet.ring(second));
            assertTrue(ex.getMessage().contains("KIND 12"), ex.getMessage());
            assertTrue(ex.getMessage().contains(name), ex.getMessage());
            assertTrue(ex.getMessage().contains(first.toString()), "names the first spec: " + ex.getMessage());
            assertTrue(ex.getMessage().contains(second.toString()), "names the second spec: " + ex.getMessage());

            assertSame(ring, fleet.ring(first), "the registry keeps the first ring");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void sameKindClaimedByTwoTypesIsAKindConflict(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final RingSpec spec = RingSpec.perNode(13, 16, 32);
            final Ring ring = fleet.ring(spec, String.class);
            assertSame(ring, fleet.ring(spec, String.class));

            final KindConflictException ex = assertThrows(KindConflictException.class, () -> fleet.ring(spec, Integer.class));
            assertTrue(ex.getMessage().contains("java.lang.String"), ex.getMessage());
            assertTrue(ex.getMessage().contains("java.lang.Integer"), ex.getMessage());
            assertTrue(ex.getMessage().contains("KIND 13"), ex.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void closedFleetRefusesRings(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Fleet fleet = backing.join(dir, name, 1, 0);
        fleet.ring(RingSpec.perNode(7, 4, 8)).publish(0, 1, new byte[] {1});
        fleet.close();
        fleet.close(); // idempotent

        final OrbitException ex = assertThrows(OrbitException.class, () -> fleet.ring(RingSpec.perNode(7, 4, 8)));
        assertTrue(ex.getMessage().contains(name), ex.getMessage());
        assertTrue(ex.getMessage().contains("closed"), ex.getMessage());
        assertThrows(OrbitException.class, () -> fleet.ring(RingSpec.perNode(8, 4, 8)));
    }

    @Test
    void processLocalFleetsOfOneNameShareRingsAndOtherNamesDoNot()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = RingSpec.perNode(7, 4, 8);
        try (Fleet node0 = Fleet.joinAs(name, 2, 0); Fleet node1 = Fleet.joinAs(name, 2, 1);
             Fleet stranger = Fleet.joinAs(ShmDirectory.uniqueFleetName(), 2, 1))
        {
            final long id = node1.ring(spec).publish(0, 1, new byte[] {42});
            assertEquals(42, node0.ring(spec).read(id).orElseThrow().payload()[0]);
            assertTrue(stranger.ring(spec).read(id).isEmpty());
        }
    }

    @Test
    void shmFleetInAMissingDirectoryFailsWithAClearMessage()
    {
        final Path missing = dir.resolve("missing");
        final String name = ShmDirectory.uniqueFleetName();
        final ShmDirectoryException ex = assertThrows(ShmDirectoryException.class, () -> Fleet.joinShmAs(name, 1, 0, missing));
        assertTrue(ex.getMessage().contains(name), ex.getMessage());
        assertTrue(ex.getMessage().contains(missing + " does not exist"), ex.getMessage());
    }
}
