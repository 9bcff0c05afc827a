package io.orbit.runtime.event;

import io.orbit.runtime.ring.LossCounts;

import java.util.Arrays;

/**
 * What one event poll did, by class. Owned and reused by its cursor (no allocation per poll); read it
 * before the next poll.
 *
 * <p>Accounting, exactly:
 * <ul>
 *   <li>The ring's classes (docs/spec.md §3.6): {@code ringDelivered + overwritten + abandoned + corrupt == movedPast}.</li>
 *   <li>Every frame the ring delivered is exactly one of: an event handed to the caller
 *       ({@link #delivered()}), an event skipped by a topic filter ({@link #filtered()}), or a frame
 *       whose payload does not parse ({@link #undecodable()}):
 *       {@code ringDelivered == delivered + filtered + undecodable}.</li>
 * </ul>
 * So {@code delivered + filtered + undecodable + overwritten + abandoned + corrupt == movedPast}.
 * The per-node figures split {@code movedPast} and the ring loss by publishing node (lane).
 */
public final class EventPollStats extends LossCounts
{
    long delivered;
    long filtered;
    long undecodable;
    final long[] movedPastByNode;
    final long[] ringDeliveredByNode;

    EventPollStats(final int nodes)
    {
        this.movedPastByNode = new long[nodes];
        this.ringDeliveredByNode = new long[nodes];
    }

    /**
     * @return events handed to the caller.
     */
    public long delivered()
    {
        return delivered;
    }

    /**
     * @return well-formed events the topic filter skipped (the cursor still moved past them).
     */
    public long filtered()
    {
        return filtered;
    }

    /**
     * @return frames the ring delivered whose payload does not parse as an event; not handed to the caller.
     */
    public long undecodable()
    {
        return undecodable;
    }

    /**
     * @return frames the ring delivered: {@code delivered + filtered + undecodable}.
     */
    public long ringDelivered()
    {
        return delivered + filtered + undecodable;
    }

    /**
     * @return events missed: {@code overwritten + abandoned + corrupt + undecodable} (orbit-rs's {@code lagged},
     *         split by class above).
     */
    @Override
    public long lost()
    {
        return overwritten() + abandoned() + corrupt() + undecodable;
    }

    /**
     * @param node a node of the fleet.
     * @return counters of that node's lane the cursor moved past.
     */
    public long movedPast(final int node)
    {
        return movedPastByNode[node];
    }

    /**
     * @param node a node of the fleet.
     * @return frames of that node the ring delivered (events, filtered or undecodable).
     */
    public long ringDelivered(final int node)
    {
        return ringDeliveredByNode[node];
    }

    /**
     * Counters of that node's lane the cursor moved past without the ring delivering them:
     * {@code movedPast(node) - ringDelivered(node)}. The ring does not split this by class per node;
     * an event lane never abandons, so when {@link #corrupt()} is 0 this is the node's overwritten count.
     *
     * @param node a node of the fleet.
     * @return that node's ring loss.
     */
    public long ringLost(final int node)
    {
        return movedPastByNode[node] - ringDeliveredByNode[node];
    }

    /** Takes over the ring counts of the ring poll underneath. */
    void fromRing(final LossCounts ring)
    {
        copyLoss(ring);
    }

    void clear()
    {
        delivered = 0;
        filtered = 0;
        undecodable = 0;
        clearLoss();
        Arrays.fill(movedPastByNode, 0);
        Arrays.fill(ringDeliveredByNode, 0);
    }

    void add(final EventPollStats other)
    {
        delivered += other.delivered;
        filtered += other.filtered;
        undecodable += other.undecodable;
        addLoss(other);
        for (int node = 0; node < movedPastByNode.length; node++)
        {
            movedPastByNode[node] += other.movedPastByNode[node];
            ringDeliveredByNode[node] += other.ringDeliveredByNode[node];
        }
    }

    @Override
    public String toString()
    {
        return "EventPollStats{delivered=" + delivered + ", filtered=" + filtered + ", undecodable=" + undecodable
            + ", " + lossString() + "}";
    }
}
