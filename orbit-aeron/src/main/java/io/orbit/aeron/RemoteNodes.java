package io.orbit.aeron;

import io.orbit.runtime.exceptions.NodeInUseException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.ring.LaneReplicator;
import io.orbit.runtime.ring.NodeLease;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.Topology;
import org.agrona.DirectBuffer;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

import static io.orbit.aeron.WireFormat.*;

/**
 * The receiving side of a bridge: mirrors the other hosts' nodes into the local fleet. A remote node
 * whose holder its own bridge reports alive is leased here (so it reads alive, and no local process
 * can take it); a node reported dead, or every node of a host whose link is silent past the link
 * timeout, is freed here (so it reads DEAD in the heartbeat table and to {@code isNodeAlive}).
 * Frames are written through one {@link LaneReplicator} per leased node and ring, and counted per
 * node and {@link LinkCount}. Used by the bridge's duty thread only.
 */
final class RemoteNodes
{
    private final Fleet fleet;
    private final GridLayout grid;
    private final int selfHost;
    private final FleetHeartbeat heartbeat;
    private final List<Ring> rings;
    private final List<LinkStats> stats;
    private final long linkTimeoutNs;
    private final Consumer<String> log;
    private final NodeLease[] leases;
    private final boolean[] conflictReported;
    private final LaneReplicator[][] replicators;
    private final long[] lastHeard;
    private final long[] session;
    /** 1 while the host's link is up; read by other threads ({@link #isLinkUp}), written by the duty thread. */
    private final AtomicIntegerArray linkUp;
    /** 1 once the host's control messages say it has heard this host: it holds our leases, frames may flow. */
    private final boolean[] heardUs;

    RemoteNodes(
        final Fleet fleet,
        final GridLayout grid,
        final int selfHost,
        final FleetHeartbeat heartbeat,
        final List<Ring> rings,
        final List<LinkStats> stats,
        final long linkTimeoutNs,
        final Consumer<String> log)
    {
        this.fleet = fleet;
        this.grid = grid;
        this.selfHost = selfHost;
        this.heartbeat = heartbeat;
        this.rings = rings;
        this.stats = stats;
        this.linkTimeoutNs = linkTimeoutNs;
        this.log = log;
        this.leases = new NodeLease[grid.size()];
        this.conflictReported = new boolean[grid.size()];
        this.replicators = new LaneReplicator[rings.size()][grid.size()];
        this.lastHeard = new long[grid.hostCount()];
        this.session = new long[grid.hostCount()];
        this.linkUp = new AtomicIntegerArray(grid.hostCount());
        this.heardUs = new boolean[grid.hostCount()];
    }

    /**
     * @param host a host index.
     * @return true while control messages of that host arrive within the link timeout.
     */
    boolean isLinkUp(final int host)
    {
        return linkUp.get(host) == 1;
    }

    /**
     * @param host a peer.
     * @return true once the peer has processed this host's node states since the link came up, so
     *         frames sent to it now find their nodes leased (control and frames travel on different
     *         streams, with no order between them).
     */
    boolean hasHeardUs(final int host)
    {
        return heardUs[host];
    }

    /**
     * @return true when at least one peer's link is up and every such peer has heard this host (a
     *         multicast sender reaches them all at once).
     */
    boolean everyLinkedPeerHasHeardUs()
    {
        boolean any = false;
        for (int host = 0; host < heardUs.length; host++)
        {
            if (linkUp.get(host) == 1)
            {
                any = true;
                if (!heardUs[host])
                {
                    return false;
                }
            }
        }
        return any;
    }

    /**
     * @return bit h set for every host whose link is up (written into this host's control messages).
     */
    long heardMask()
    {
        long mask = 0;
        for (int host = 0; host < linkUp.length(); host++)
        {
            mask |= (long)linkUp.get(host) << host;
        }
        return mask;
    }

    void onControl(final DirectBuffer buffer, final int offset, final long now)
    {
        final int host = buffer.getShort(offset + HOST_OFFSET) & 0xFFFF;
        if (host == selfHost)
        {
            return; // this bridge's own message, looped back by a multicast group
        }
        final int first = buffer.getShort(offset + FIRST_NODE_OFFSET) & 0xFFFF;
        final int count = buffer.getShort(offset + NODE_COUNT_OFFSET) & 0xFFFF;
        if (host >= grid.hostCount() || first != grid.firstNode(host) || first + count != grid.endNode(host))
        {
            log.accept("ignoring control message of host " + host + " nodes " + first + ".." + (first + count - 1)
                + ": this bridge's grid is " + grid);
            return;
        }
        final long remoteSession = buffer.getLong(offset + SESSION_OFFSET);
        lastHeard[host] = now;
        if (linkUp.get(host) == 0 || session[host] != remoteSession)
        {
            log.accept((linkUp.get(host) == 1 ? "bridge restarted: host " : "link up: host ") + host);
            linkUp.lazySet(host, 1); // single writer: an ordered store suffices for readers
            session[host] = remoteSession;
        }
        heardUs[host] = (buffer.getLong(offset + HEARD_OFFSET) >>> selfHost & 1) == 1;
        final boolean beats = (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_HEARTBEAT) != 0;
        for (int i = 0; i < count; i++)
        {
            final int entry = offset + CONTROL_HEADER_LENGTH + i * NODE_ENTRY_LENGTH;
            final int node = first + i;
            if (buffer.getByte(entry + NODE_ALIVE_OFFSET) == 0)
            {
                free(node);
                continue;
            }
            final NodeLease lease = lease(node);
            if (lease != null && beats && heartbeat != null && buffer.getByte(entry + NODE_BEATEN_OFFSET) != 0)
            {
                // Monotonic clocks of two hosts do not compare: the beat is placed at "now minus its remote age".
                heartbeat.replicate(lease,
                    buffer.getLong(entry + NODE_BEATS_OFFSET),
                    heartbeat.clock().monotonicNanos() - buffer.getLong(entry + NODE_AGE_OFFSET),
                    buffer.getLong(entry + NODE_PID_OFFSET),
                    buffer.getLong(entry + NODE_START_TIME_OFFSET),
                    buffer.getLong(entry + NODE_INCARNATION_OFFSET));
            }
        }
    }

    void onFrame(final int ringIndex, final DirectBuffer buffer, final int offset)
    {
        final int node = buffer.getShort(offset + NODE_OFFSET) & 0xFFFF;
        if (node >= grid.size() || grid.hostOf(node) == selfHost)
        {
            return; // a frame of this host's own range never comes back through a peer
        }
        final LinkStats counts = stats.get(ringIndex);
        LaneReplicator replicator = replicators[ringIndex][node];
        if (replicator == null && linkUp.get(grid.hostOf(node)) == 1 && lease(node) != null)
        {
            // A frame can overtake the control message that reports its node alive (a node that just
            // joined publishes at once): the frame itself proves the node lives on its host, so lease it now;
            // the next control message frees it again if it has died meanwhile.
            replicator = replicators[ringIndex][node];
        }
        if (replicator == null)
        {
            counts.add(node, LinkCount.NOT_LEASED, 1);
            return;
        }
        final long sourceLost = buffer.getInt(offset + SOURCE_LOST_OFFSET) & 0xFFFF_FFFFL;
        final long before = replicator.lost();
        final boolean written = replicator.replicate(
            buffer.getLong(offset + COUNTER_OFFSET),
            buffer.getLong(offset + ID_OFFSET),
            buffer.getLong(offset + VERSION_OFFSET),
            buffer.getByte(offset + FRAME_KIND_OFFSET) & 0xFF,
            buffer,
            offset + FRAME_HEADER_LENGTH,
            buffer.getInt(offset + LENGTH_OFFSET));
        if (rings.get(ringIndex).spec().topology() == Topology.PER_NODE)
        {
            // The counter gap is exact; the sender's report says how much of it its cursor was lapped for.
            final long gap = replicator.lost() - before;
            final long atSource = Math.min(gap, sourceLost);
            counts.add(node, LinkCount.LOST_AT_SOURCE, atSource);
            counts.add(node, LinkCount.LOST_IN_TRANSIT, gap - atSource);
            counts.add(node, written ? LinkCount.REPLICATED : LinkCount.DUPLICATE, 1);
        }
        else
        {
            final long linkDropped = buffer.getInt(offset + LINK_DROPPED_OFFSET) & 0xFFFF_FFFFL;
            replicator.countLost(sourceLost + linkDropped);
            counts.add(node, LinkCount.LOST_AT_SOURCE, sourceLost);
            counts.add(node, LinkCount.LOST_IN_TRANSIT, linkDropped + (written ? 0 : 1));
            counts.add(node, LinkCount.REPLICATED, written ? 1 : 0);
        }
    }

    /** Frees every node of a host whose control messages stopped: its nodes read DEAD here. */
    void checkLinks(final long now)
    {
        for (int host = 0; host < linkUp.length(); host++)
        {
            if (linkUp.get(host) == 1 && now - lastHeard[host] > linkTimeoutNs)
            {
                linkUp.lazySet(host, 0); // single writer: an ordered store suffices for readers
                heardUs[host] = false;
                for (int node = grid.firstNode(host); node < grid.endNode(host); node++)
                {
                    free(node);
                }
                log.accept("link down: host " + host + " (silent for more than " + linkTimeoutNs / 1_000_000 + " ms); its nodes read DEAD");
            }
        }
    }

    private NodeLease lease(final int node)
    {
        if (leases[node] != null)
        {
            return leases[node];
        }
        try
        {
            final NodeLease lease = fleet.leaseNode(node);
            leases[node] = lease;
            conflictReported[node] = false;
            for (int i = 0; i < rings.size(); i++)
            {
                replicators[i][node] = rings.get(i).laneReplicator(lease);
            }
            return lease;
        }
        catch (final NodeInUseException ex)
        {
            if (!conflictReported[node])
            {
                conflictReported[node] = true;
                log.accept("cannot mirror remote node " + node + ": " + ex.getMessage());
            }
            return null;
        }
    }

    private void free(final int node)
    {
        final NodeLease lease = leases[node];
        if (lease != null)
        {
            leases[node] = null;
            for (final LaneReplicator[] byNode : replicators)
            {
                byNode[node] = null;
            }
            lease.close();
        }
    }

    void close()
    {
        for (int node = 0; node < leases.length; node++)
        {
            free(node);
        }
    }
}
