package io.orbit.runtime.fleet;

import io.orbit.runtime.ring.NodeLiveness;

/**
 * Node leases of one fleet: at most one live holder per node, and a liveness answer any process
 * can give for any node.
 */
interface NodeLeases extends NodeLiveness
{
    /**
     * @param node node to lease.
     * @return the held lease; closing it frees the node.
     * @throws io.orbit.runtime.exceptions.NodeInUseException when another holder is alive.
     */
    Lease acquire(int node);

    /** A held node lease. */
    interface Lease extends AutoCloseable
    {
        @Override
        void close();
    }
}
