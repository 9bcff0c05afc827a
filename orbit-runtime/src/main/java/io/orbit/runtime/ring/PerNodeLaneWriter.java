package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import org.agrona.DirectBuffer;

import java.lang.invoke.VarHandle;
import java.util.List;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * The {@link Topology#PER_NODE} write protocol: this process is the only writer of its lane, so a
 * claim is a process-local lock plus a plain read of the lane head; the head moves (release) only
 * after the frame's even stamp, so it covers committed frames only.
 */
final class PerNodeLaneWriter extends LaneWriter
{
    private final int headOffset;
    private final ForeignWriterCheck foreignWriter;

    PerNodeLaneWriter(
        final RingSlots slots, final LaneGate gate, final int selfNode, final RingNotifier notifier, final ForeignWriterCheck foreignWriter)
    {
        super(slots, gate, selfNode, selfNode, notifier);
        this.headOffset = RingSlots.headOffset(selfNode);
        this.foreignWriter = foreignWriter;
    }

    @Override
    long claim()
    {
        lockWriteLane();
        try
        {
            return laneCounter();
        }
        catch (final RuntimeException ex)
        {
            unlockWriteLane(); // a refused claim (foreign writer) holds nothing
            throw ex;
        }
    }

    /** The counter to write next; the lane lock is held. */
    private long laneCounter()
    {
        final long head = buffer.getLong(headOffset); // plain: only this process writes this lane
        foreignWriter.beforePublish(head);
        return head;
    }

    /** After the head release: the check's expected head, then the wake-up (waiters see the committed frames). */
    private void published(final long head)
    {
        foreignWriter.published(head);
        notifier.published();
    }

    @Override
    boolean begin(final int slot, final long counter)
    {
        beginPerNode(slot, counter);
        return true;
    }

    private void beginPerNode(final int slot, final long counter)
    {
        buffer.putLongOpaque(slot + STAMP_OFFSET, 2 * counter + 1);
        VarHandle.storeStoreFence(); // the odd stamp is visible before any field byte of the slot changes
    }

    @Override
    void commit(final int slot, final long counter)
    {
        buffer.putLongRelease(slot + STAMP_OFFSET, 2 * counter + 2); // fields happen-before the committed stamp
        buffer.putLongRelease(headOffset, counter + 1); // head covers committed frames only
        published(counter + 1);
    }

    @Override
    void releaseClaim()
    {
        unlockWriteLane();
    }

    /** The lane head moves once, after the last frame is committed. */
    @Override
    void publishBatch(final int frameKind, final long version, final List<byte[]> payloads, final long[] ids)
    {
        lockWriteLane();
        try
        {
            final long first = laneCounter();
            for (int i = 0; i < ids.length; i++)
            {
                final long counter = first + i;
                final int slot = slots.slotOffset(writeLane, counter);
                ids[i] = NetId64.make(kind, selfNode, counter);
                beginPerNode(slot, counter);
                writeFrame(slot, ids[i], version, frameKind, payloads.get(i));
                buffer.putLongRelease(slot + STAMP_OFFSET, 2 * counter + 2); // fields happen-before the committed stamp
            }
            buffer.putLongRelease(headOffset, first + ids.length); // head covers committed frames only
            published(first + ids.length);
        }
        finally
        {
            unlockWriteLane();
        }
    }

    @Override
    void acquireExclusive()
    {
        lockWriteLane();
    }

    @Override
    long publishHeld(final int frameKind, final long version, final DirectBuffer source, final int offset, final int length)
    {
        return writeCopy(laneCounter(), frameKind, version, source, offset, length);
    }

    @Override
    void releaseExclusive()
    {
        unlockWriteLane();
    }
}
