package io.orbit.runtime.fleet;

import java.nio.file.Path;

/**
 * Liveness of a node lease in a directory, for tools that inspect a fleet without joining it: the
 * same probe a {@link Fleet} uses ({@link Fleet#isNodeAlive(int)}), never creating a lease file and
 * never keeping a lock.
 */
public final class NodeLeaseProbe
{
    private final FileNodeLeases leases;

    /**
     * @param fleet     fleet name.
     * @param directory the fleet's shared-memory directory.
     */
    public NodeLeaseProbe(final String fleet, final Path directory)
    {
        this.leases = new FileNodeLeases(FleetName.validate(fleet), directory);
    }

    /**
     * @param node node id.
     * @return true while a live process holds the node's lease.
     */
    public boolean isAlive(final int node)
    {
        return leases.isAlive(node);
    }

    /**
     * @param node node id.
     * @return the pid its last holder recorded, or -1.
     */
    public long recordedPid(final int node)
    {
        return leases.recordedPid(node);
    }
}
