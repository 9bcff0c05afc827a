package io.orbit.runtime.event;

import io.orbit.runtime.ring.FrameHandler;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.PollStats;
import io.orbit.runtime.ring.RingCursor;

import java.time.Duration;

/**
 * A subscriber's position on the event bus: the next counter of every node's lane. Each poll reads
 * at most one ring window per lane, decodes every frame it moves past, and accounts for every counter
 * (see {@link EventPollStats}).
 *
 * <p>Not thread-safe: one cursor per subscriber thread. Obtain it from {@link OrbitEventBus}.
 */
public final class OrbitEventCursor
{
    private final OrbitEventBus bus;
    private final RingCursor ringCursor;
    private final EventView view = new EventView();
    private final EventPollStats lastPoll;
    private final EventPollStats totals;
    private final long[] before;
    private final FrameHandler onFrame = this::onFrame;
    private EventHandler handler;
    private byte[] topicFilter;

    OrbitEventCursor(final OrbitEventBus bus, final RingCursor ringCursor)
    {
        this.bus = bus;
        this.ringCursor = ringCursor;
        final int nodes = ringCursor.ring().laneCount();
        this.lastPoll = new EventPollStats(nodes);
        this.totals = new EventPollStats(nodes);
        this.before = new long[nodes];
    }

    /**
     * @param node a node of the fleet.
     * @return the next counter this cursor reads in that node's lane.
     */
    public long next(final int node)
    {
        return ringCursor.next(node);
    }

    /**
     * @return counts of the most recent poll (reused by the next poll).
     */
    public EventPollStats lastPoll()
    {
        return lastPoll;
    }

    /**
     * @return counts summed over every poll of this cursor.
     */
    public EventPollStats totals()
    {
        return totals;
    }

    /**
     * Blocks until an event may be available (a publish anywhere in the fleet), or the timeout passes.
     *
     * @param timeout longest wait.
     * @return true when the caller should poll; false on timeout.
     */
    public boolean await(final Duration timeout)
    {
        return ringCursor.await(timeout);
    }

    OrbitEventBus bus()
    {
        return bus;
    }

    /**
     * The one poll every form uses. If the handler throws, the poll stops; the interrupted lane's
     * frames are read again by the next poll (the ring cursor only moves a lane after reading it).
     */
    EventPollStats poll(final EventHandler handler, final byte[] topicFilter)
    {
        final EventPollStats stats = lastPoll;
        stats.clear();
        for (int node = 0; node < before.length; node++)
        {
            before[node] = ringCursor.next(node);
        }
        this.handler = handler;
        this.topicFilter = topicFilter;
        final PollStats ring;
        try
        {
            ring = ringCursor.poll(onFrame);
        }
        finally
        {
            this.handler = null;
            this.topicFilter = null;
        }
        stats.fromRing(ring);
        if (!stats.reset())
        {
            for (int node = 0; node < before.length; node++)
            {
                stats.movedPastByNode[node] = ringCursor.next(node) - before[node];
            }
        }
        totals.add(stats);
        return stats;
    }

    private void onFrame(final FrameView frame)
    {
        final EventPollStats stats = lastPoll;
        stats.ringDeliveredByNode[frame.lane()]++;
        if (!EventFrameCodec.decode(frame, view))
        {
            stats.undecodable++;
            return;
        }
        if (topicFilter != null && !view.topicEquals(topicFilter))
        {
            stats.filtered++;
            return;
        }
        stats.delivered++;
        handler.onEvent(view);
    }

    @Override
    public String toString()
    {
        return "OrbitEventCursor{" + ringCursor + "}";
    }
}
