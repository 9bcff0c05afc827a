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
 * Sends this host's frames of one ring to one peer: a cursor of its own (so a slow or absent peer
 * never holds back another), reading only frames of this host's node range, one FRAME message per
 * frame on the ring's stream. While the peer is not connected, or has not yet processed this host's
 * node states (its control message says so), the cursor stands still; the ring
 * laps it if the outage is long, and the frames it then moves past are reported in the next
 * message's {@code source_lost}. Back pressure is waited out under the idle strategy up to a bound,
 * then the frame is dropped and reported in {@code link_dropped}. Allocation-free after construction.
 */
final class RingSender implements FrameHandler
{
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
    private final UnsafeBuffer message;
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
        this.message = new UnsafeBuffer(ByteBuffer.allocateDirect(FRAME_HEADER_LENGTH + ring.payloadCapacity()));
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
        if (!publication.isConnected() || !remotes.hasHeardUs(peer))
        {
            return 0;
        }
        return (int)cursor.poll(this).movedPast();
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
        message.putByte(TYPE_OFFSET, (byte)TYPE_FRAME);
        message.putByte(FRAME_KIND_OFFSET, (byte)frame.frameKind());
        message.putShort(NODE_OFFSET, (short)node);
        message.putInt(LENGTH_OFFSET, length);
        message.putLong(COUNTER_OFFSET, counter);
        message.putLong(ID_OFFSET, frame.id());
        message.putLong(VERSION_OFFSET, frame.version());
        message.putInt(SOURCE_LOST_OFFSET, saturate(pendingLost[lane]));
        message.putInt(LINK_DROPPED_OFFSET, saturate(pendingDropped[lane]));
        message.putBytes(FRAME_HEADER_LENGTH, frame.payload(), 0, length);
        if (offer(FRAME_HEADER_LENGTH + length))
        {
            pendingLost[lane] = 0;
            pendingDropped[lane] = 0;
            stats.onSent();
        }
        else
        {
            pendingDropped[lane]++;
            stats.onDropped();
        }
    }

    private boolean offer(final int length)
    {
        long deadline = 0;
        boolean pressured = false;
        while (true)
        {
            final long result = publication.offer(message, 0, length);
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
