package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.NodeInUseException;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import static io.orbit.runtime.ring.CrossProcessSupport.blockUntilKilled;
import static io.orbit.runtime.ring.CrossProcessSupport.say;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Node leases across real processes (docs/spec.md §4.3): a child JVM holds node 1; the parent sees it
 * alive, cannot take it (the error names the holder's pid), and after {@code kill -9} of the child
 * the kernel has released the lease, the node reads dead and the parent can join as node 1.
 */
class CrossProcessLeaseTest
{
    @Test
    void leaseHeldByALiveProcessPassesOnAfterKill9()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create();
            Fleet parent = Fleet.joinShmAs(name, 3, 0, dir.path());
            ChildJvm child = ChildJvm.start(dir.path(), Holder.class, name, "3", "1"))
        {
            assertFalse(parent.isNodeAlive(1));
            assertEquals("1 " + child.pid(), child.awaitPrefix("READY "));

            assertTrue(parent.isNodeAlive(1));
            assertFalse(parent.isNodeAlive(2));
            assertEquals(child.pid(), parent.nodePid(1));
            final NodeInUseException inUse = assertThrows(NodeInUseException.class, () -> Fleet.joinShmAs(name, 3, 1, dir.path()));
            assertTrue(inUse.getMessage().contains(Long.toString(child.pid())), inUse::getMessage);
            assertTrue(inUse.getMessage().contains(name), inUse::getMessage);
            assertTrue(parent.isNodeAlive(1), "a failed join must not disturb the holder's lease");

            child.kill9();
            assertFalse(child.process().isAlive());
            assertFalse(parent.isNodeAlive(1), "the kernel frees the lease of a killed process");
            try (Fleet successor = Fleet.joinShmAs(name, 3, 1, dir.path()))
            {
                assertEquals(1, successor.node());
                assertTrue(parent.isNodeAlive(1));
                assertEquals(ProcessHandle.current().pid(), parent.nodePid(1));
            }
            assertFalse(parent.isNodeAlive(1));
        }
    }

    /** Child JVM: {@code fleet size node}. Holds the node's lease until killed. */
    public static final class Holder
    {
        public static void main(final String[] args)
        {
            final Fleet fleet = Fleet.joinShmAs(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            say("READY " + fleet.node() + " " + ProcessHandle.current().pid());
            blockUntilKilled();
            fleet.close();
        }
    }
}
