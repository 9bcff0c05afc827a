package io.orbit.runtime.heartbeat;

import java.time.Duration;
import java.util.List;

/**
 * Every node's heartbeat at one moment, in node order.
 *
 * @param maxAge       the age up to which a beating node with a held lease is LIVE.
 * @param monotonicNow the reader's monotonic clock when the snapshot was taken (ns).
 * @param nodes        one entry per node {@code 0 .. size-1}; {@code nodes.get(n).node() == n}.
 */
public record HeartbeatSnapshot(Duration maxAge, long monotonicNow, List<NodeHeartbeat> nodes)
{
    /**
     * Keeps an immutable copy of the nodes.
     *
     * @param maxAge       the age up to which a beating node with a held lease is LIVE.
     * @param monotonicNow the reader's monotonic clock when the snapshot was taken (ns).
     * @param nodes        one entry per node.
     */
    public HeartbeatSnapshot
    {
        nodes = List.copyOf(nodes);
    }

    /**
     * @param node a node of the fleet.
     * @return that node's heartbeat.
     */
    public NodeHeartbeat node(final int node)
    {
        return nodes.get(node);
    }

    /**
     * @param state a state.
     * @return the nodes in that state, ascending.
     */
    public List<Integer> nodesIn(final NodeState state)
    {
        return nodes.stream().filter(node -> node.state() == state).map(NodeHeartbeat::node).toList();
    }
}
