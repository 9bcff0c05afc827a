package io.orbit.aeron;

import io.orbit.runtime.exceptions.NodeOutsideFleetException;
import io.orbit.runtime.exceptions.OrbitException;

/**
 * Node numbering of a grid: H hosts share one fleet size, and host {@code h} owns the node range
 * {@code [h*size/H, (h+1)*size/H)}. The bridge of a host joins its local fleet as the first node
 * of that range (its own heartbeat then crosses like any node's) and holds, on its host, the
 * leases of every node outside the range whose remote holder is alive.
 *
 * @param size      the fleet size, the same on every host.
 * @param hostCount hosts in the grid.
 */
public record GridLayout(int size, int hostCount)
{
    /** Most hosts of a grid: one bit each in a control message's "heard" field. */
    public static final int MAX_HOSTS = 64;
    /** Largest node range of one host: its node states fit one control message. */
    public static final int MAX_NODES_PER_HOST = 8192;

    /**
     * @param size      fleet size.
     * @param hostCount hosts.
     */
    public GridLayout
    {
        if (hostCount < 1 || hostCount > MAX_HOSTS || size < 2 * hostCount)
        {
            throw new NodeOutsideFleetException("grid of " + hostCount + " hosts (1.." + MAX_HOSTS + ") needs a fleet size of at least "
                + 2 * hostCount + " (a bridge node and one worker node per host), was " + size);
        }
        if ((size + hostCount - 1) / hostCount > MAX_NODES_PER_HOST)
        {
            throw new OrbitException("grid of " + hostCount + " hosts over fleet size " + size + ": at most "
                + MAX_NODES_PER_HOST + " nodes per host");
        }
    }

    /**
     * @param host host index.
     * @return first node of its range.
     */
    public int firstNode(final int host)
    {
        return (int)((long)host * size / hostCount);
    }

    /**
     * @param host host index.
     * @return one past the last node of its range.
     */
    public int endNode(final int host)
    {
        return firstNode(host + 1);
    }

    /**
     * @param node a node of the fleet.
     * @return the host that owns it.
     */
    public int hostOf(final int node)
    {
        int host = (int)((long)node * hostCount / size);
        while (node >= endNode(host))
        {
            host++;
        }
        while (node < firstNode(host))
        {
            host--;
        }
        return host;
    }

    /**
     * @param host host index.
     * @return the node its bridge joins as.
     */
    public int bridgeNode(final int host)
    {
        return firstNode(host);
    }
}
