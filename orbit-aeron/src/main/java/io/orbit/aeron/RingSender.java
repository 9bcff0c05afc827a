package io.orbit.aeron;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.orbit.runtime.NetId64;
import io.orbit.runtime.ring.FrameHandler;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.Topology;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static io.orbit.aeron.WireFormat.*;

/**
 * Sends this host's frames of one ring to one peer (or, multicast, to every peer at once: then it
 * waits until every peer whose link is up has heard this host): a cursor of its own (so a slow or absent peer
 * never holds back another), reading only frames of this host's node range, packed in read order
 * into BATCH messages of at most one MTU's payload on the ring's stream (one Aeron offer per batch,
 * not per frame). While the peer is not connected, or has not yet processed this host's node states
 * (its control message says so), the cursor stands still; the ring laps it if the outage is long,
 * and the frames it then moves past are reported in the next record's {@code source_lost} for that
 * lane. Back pressure is waited out under the idle strategy up to a bound, then the whole batch is
 * dropped: its records' frames and the loss reports they carried are reported again with the next
 * record of their lane ({@code link_dropped}, {@code source_lost}). Allocation-free after construction.
 */
final class RingSender implements FrameHandler
{
    /** The {@code peer} of a multicast sender: one publication reaches every peer. */
    static final int EVERY_PEER = -1;

    private final Ring ring;
    private final RingCursor cursor;
    private final ExclusivePublication publication;
    private final int peer;
    private final RemoteNodes remotes;
    private final LinkStats stats;
    private final IdleStrategy backPressureIdle;
    private final long backPressureBoundNs;
    private final boolean perNode;
    private final int firstNode;
    private final int endNode;
    private final UnsafeBuffer batch;
    private final int batchLimit;
    private int batchLength = BATCH_HEADER_LENGTH;
    private int batchCount;
    private final long[] lastCounter;
    private final long[] pendingLost;
    private final long[] pendingDropped;

    RingSender(
        final Ring ring,
        final ExclusivePublication publication,
        final int peer,
        final RemoteNodes remotes,
        final LinkStats stats,
        final IdleStrategy backPressureIdle,
        final long backPressureBoundNs,
        final int firstNode,
        final int endNode)
    {
        this.ring = ring;
        this.cursor = ring.cursorFromStart();
        this.publication = publication;
        this.peer = peer;
        this.remotes = remotes;
        this.stats = stats;
        this.backPressureIdle = backPressureIdle;
        this.backPressureBoundNs = backPressureBoundNs;
        this.perNode = ring.spec().topology() == Topology.PER_NODE;
        this.firstNode = firstNode;
        this.endNode = endNode;
        // One MTU's payload per message, so Aeron never fragments a batch; a frame too big for that goes alone.
        this.batchLimit = publication.maxPayloadLength();
        this.batch = new UnsafeBuffer(ByteBuffer.allocateDirect(
            Math.max(batchLimit, BATCH_HEADER_LENGTH + recordLength(ring.payloadCapacity()))));
        this.lastCounter = new long[ring.laneCount()];
        this.pendingLost = new long[ring.laneCount()];
        this.pendingDropped = new long[ring.laneCount()];
        Arrays.fill(lastCounter, -1);
    }

    /**
     * @return frames moved past (delivered or lost), 0 when the peer is not connected or has not
     *         yet heard this host's node states (it would drop our frames as not leased).
     */
    int doWork()
    {
        if (!publication.isConnected() || !(peer == EVERY_PEER ? remotes.everyLinkedPeerHasHeardUs() : remotes.hasHeardUs(peer)))
        {
            return 0;
        }
        final int movedPast = (int)cursor.poll(this).movedPast();
        flush();
        return movedPast;
    }

    @Override
    public void onFrame(final FrameView frame)
    {
        final int lane = frame.lane();
        final long counter = frame.counter();
        if (counter > lastCounter[lane] + 1)
        {
            pendingLost[lane] += counter - lastCounter[lane] - 1; // the cursor moved past these unread
        }
        lastCounter[lane] = counter;
        final int node = perNode ? lane : NetId64.node(frame.id());
        if (node < firstNode || node >= endNode)
        {
            return; // another host's frame, replicated here: it crosses from its own host only
        }
        final int length = frame.payloadLength();
        final int recordLength = recordLength(length);
        if (batchCount > 0 && batchLength + recordLength > batchLimit)
        {
            flush();
        }
        final int record = batchLength;
        batch.putByte(record + FRAME_KIND_OFFSET, (byte)frame.frameKind());
        batch.putByte(record + FRAME_KIND_OFFSET + 1, (byte)0);
        batch.putShort(record + NODE_OFFSET, (short)node);
        batch.putInt(record + LENGTH_OFFSET, length);
        batch.putLong(record + COUNTER_OFFSET, counter);
        batch.putLong(record + ID_OFFSET, frame.id());
        batch.putLong(record + VERSION_OFFSET, frame.version());
        batch.putInt(record + SOURCE_LOST_OFFSET, saturate(pendingLost[lane]));
        batch.putInt(record + LINK_DROPPED_OFFSET, saturate(pendingDropped[lane]));
        batch.putBytes(record + FRAME_HEADER_LENGTH, frame.payload(), 0, length);
        batch.setMemory(record + FRAME_HEADER_LENGTH + length, recordLength - FRAME_HEADER_LENGTH - length, (byte)0);
        pendingLost[lane] = 0; // the record carries the reports; a dropped batch hands them back (flush)
        pendingDropped[lane] = 0;
        batchLength += recordLength;
        batchCount++;
        if (batchLength >= batchLimit)
        {
            flush();
        }
    }

    /** Offers the batch; a batch that cannot be offered hands its frames and their reports back to their lanes. */
    private void flush()
    {
        if (batchCount == 0)
        {
            return;
        }
        batch.putByte(TYPE_OFFSET, (byte)TYPE_BATCH);
        batch.putShort(RECORD_COUNT_OFFSET, (short)batchCount);
        if (offer(batchLength))
        {
            stats.onSent(batchCount);
        }
        else
        {
            for (int record = BATCH_HEADER_LENGTH; record < batchLength; record += recordLength(batch.getInt(record + LENGTH_OFFSET)))
            {
                final int lane = perNode ? batch.getShort(record + NODE_OFFSET) & 0xFFFF : 0;
                pendingLost[lane] += batch.getInt(record + SOURCE_LOST_OFFSET) & 0xFFFF_FFFFL;
                pendingDropped[lane] += (batch.getInt(record + LINK_DROPPED_OFFSET) & 0xFFFF_FFFFL) + 1;
            }
            stats.onDropped(batchCount);
        }
        batchLength = BATCH_HEADER_LENGTH;
        batchCount = 0;
    }

    private boolean offer(final int length)
    {
        long deadline = 0;
        boolean pressured = false;
        while (true)
        {
            final long result = publication.offer(batch, 0, length);
            if (result >= 0)
            {
                backPressureIdle.reset();
                return true;
            }
            if (result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION)
            {
                return false; // not connected, closed or at its maximum position: the peer is gone for now
            }
            if (!pressured && result == Publication.BACK_PRESSURED)
            {
                pressured = true;
                stats.onBackPressured();
            }
            final long now = System.nanoTime();
            if (deadline == 0)
            {
                deadline = now + backPressureBoundNs;
            }
            else if (now - deadline > 0)
            {
                backPressureIdle.reset();
                return false;
            }
            backPressureIdle.idle();
        }
    }

    void close()
    {
        publication.close();
    }
}
