package io.orbit.aeron;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-node counts of one bridged ring at the receiving bridge ({@link LinkCount}), plus the
 * sender-side counts of the ring towards all peers. Written by the bridge's duty thread only,
 * readable from any thread.
 */
public final class LinkStats
{
    private static final int CLASSES = LinkCount.values().length;

    private final int kind;
    private final AtomicLongArray counts;
    private final AtomicLongArray sender = new AtomicLongArray(4);

    LinkStats(final int kind, final int size)
    {
        this.kind = kind;
        this.counts = new AtomicLongArray(size * CLASSES);
    }

    /**
     * @return the KIND counted.
     */
    public int kind()
    {
        return kind;
    }

    /**
     * @param node  a node of the fleet.
     * @param count the class.
     * @return frames of that node in that class so far.
     */
    public long get(final int node, final LinkCount count)
    {
        return counts.get(node * CLASSES + count.ordinal());
    }

    /**
     * @param count the class.
     * @return frames of every node in that class so far.
     */
    public long total(final LinkCount count)
    {
        long sum = 0;
        for (int i = count.ordinal(); i < counts.length(); i += CLASSES)
        {
            sum += counts.get(i);
        }
        return sum;
    }

    /**
     * @return frames this bridge offered successfully to its peers.
     */
    public long sent()
    {
        return sender.get(0);
    }

    /**
     * @return Aeron messages this bridge offered successfully to its peers (each a batch of frames).
     */
    public long messages()
    {
        return sender.get(3);
    }

    /**
     * @return offers refused with back pressure (each was retried under the idle strategy).
     */
    public long backPressured()
    {
        return sender.get(1);
    }

    /**
     * @return frames this bridge read but dropped (whole batches): back pressure past the bound, or a peer not connected.
     */
    public long dropped()
    {
        return sender.get(2);
    }

    void add(final int node, final LinkCount count, final long delta)
    {
        if (delta != 0)
        {
            final int index = node * CLASSES + count.ordinal();
            counts.lazySet(index, counts.get(index) + delta); // single writer: an ordered store suffices for readers
        }
    }

    void onSent(final int frames)
    {
        sender.lazySet(0, sender.get(0) + frames); // single writer: an ordered store suffices for readers
        sender.lazySet(3, sender.get(3) + 1);
    }

    void onBackPressured()
    {
        sender.lazySet(1, sender.get(1) + 1); // single writer: an ordered store suffices for readers
    }

    void onDropped(final int frames)
    {
        sender.lazySet(2, sender.get(2) + frames); // single writer: an ordered store suffices for readers
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder("kind=").append(kind).append(" sent=").append(sent())
            .append(" messages=").append(messages())
            .append(" backPressured=").append(backPressured()).append(" dropped=").append(dropped());
        for (final LinkCount count : LinkCount.values())
        {
            text.append(' ').append(count.name().toLowerCase()).append('=').append(total(count));
        }
        return text.toString();
    }
}
