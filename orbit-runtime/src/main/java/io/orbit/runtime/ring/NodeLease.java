package io.orbit.runtime.ring;

/**
 * A node lease held by this process in addition to its own node, obtained from
 * {@code Fleet.leaseNode(int)}. While it is held no other process can join as that node, and every
 * reader sees the node as alive; closing it frees the node (readers then see it dead). A bridge
 * that replicates another host's nodes holds one per remote node and writes their lanes with a
 * {@link LaneReplicator} and their heartbeat slots with {@code FleetHeartbeat.replicate}.
 */
public interface NodeLease extends AutoCloseable
{
    /**
     * @return the leased node.
     */
    int node();

    /**
     * @return true until {@link #close()} (or the fleet handle's close) frees the node.
     */
    boolean isHeld();

    /**
     * Frees the node. Idempotent.
     */
    @Override
    void close();
}
