package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.InvalidNetIdException;
import io.orbit.runtime.exceptions.LeaseLostException;
import io.orbit.runtime.NetId64;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;

import java.lang.invoke.VarHandle;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * Writes frames that another copy of this ring produced (on another host) into the lane of a node
 * whose lease this process holds ({@link NodeLease}), keeping their identity, so local readers see
 * the remote node as an ordinary node. Obtained from {@link Ring#laneReplicator(NodeLease)}.
 *
 * <p><b>PER_NODE</b>: the frame goes to the leased node's lane at the <em>source counter</em>, with
 * the source id and version: the lane counter stays in step with the source lane and NetId64 ids
 * are preserved end to end. A counter below the lane head is a duplicate (a resend after a
 * reconnect) and is skipped. A counter above the head is a gap (frames the source side lost: its
 * reader was lapped, the link was down): every gap counter still inside the ring window gets the
 * stamp {@code 2g+4} (greater than its committed stamp {@code 2g+2}, so readers classify it as
 * overwritten, and smaller than any later counter's stamp in that slot, so it never looks
 * committed), and gap counters below the window are behind the head anyway; local cursors thus
 * count a source-side gap as {@code overwritten} loss, never a silent gap.
 *
 * <p><b>SHARED</b>: the one lane is claimed by every writer of the host, so a source counter
 * cannot be kept: the frame is claimed at the next local counter like any SHARED publish, with the
 * source node kept in its id ({@code NetId64(kind, sourceNode, localCounter)}) and the source
 * version. Source-side gaps are counted by {@link #lost()} only.
 *
 * <p>Both topologies raise the ring's fleet-wide version counter to at least the replicated
 * version (a Lamport clock), so a value stored locally after a remote one has seen it carries a
 * higher version and wins "newest" comparisons.
 *
 * <p>One thread per replicator; the lane must have no other writer (the lease guarantees it for
 * other processes; this process must not also publish as that node).
 */
public final class LaneReplicator
{
    private final Ring ring;
    private final AtomicBuffer buffer;
    private final NodeLease lease;
    private final boolean shared;
    private final int kind;
    private final int lane;
    private final long capacity;
    private long replicated;
    private long duplicates;
    private long lost;
    private long dropped;

    LaneReplicator(final Ring ring, final AtomicBuffer buffer, final NodeLease lease)
    {
        this.ring = ring;
        this.buffer = buffer;
        this.lease = lease;
        this.shared = ring.spec().topology() == Topology.SHARED;
        this.kind = ring.kind();
        this.lane = shared ? 0 : lease.node();
        this.capacity = ring.capacity();
    }

    /**
     * @return the node whose frames this replicator writes.
     */
    public int node()
    {
        return lease.node();
    }

    /**
     * Writes one replicated frame.
     *
     * @param counter   the frame's full counter in its source lane (PER_NODE: kept; SHARED: ignored).
     * @param id        the frame's source id: KIND of this ring, node of the lease, counter matching (mod 2^40).
     * @param version   the frame's version.
     * @param frameKind the frame's opcode.
     * @param source    buffer holding the payload.
     * @param offset    payload start.
     * @param length    payload length, at most the ring's payload capacity.
     * @return true when written; false for a duplicate (PER_NODE counter below the head) or a SHARED
     *         slot a newer writer already owns ({@link #dropped()}).
     * @throws io.orbit.runtime.exceptions.FleetClosedException once the ring (its fleet) is closed.
     * @throws io.orbit.runtime.exceptions.InvalidArgumentException for a frame kind outside 0..255.
     * @throws LeaseLostException     when the lease has been freed.
     * @throws InvalidNetIdException  when the id names another KIND or node, or another counter.
     */
    public boolean replicate(
        final long counter,
        final long id,
        final long version,
        final int frameKind,
        final DirectBuffer source,
        final int offset,
        final int length)
    {
        ring.checkWritable(frameKind);
        if (!lease.isHeld())
        {
            throw new LeaseLostException("replicator of node " + lease.node() + " in ring KIND " + kind + " ("
                + ring.location() + "): the node's lease was freed");
        }
        if (NetId64.kind(id) != kind || NetId64.node(id) != lease.node() || (!shared && !NetId64.counterMatches(id, counter)))
        {
            throw new InvalidNetIdException("replicated id 0x" + Long.toHexString(id) + " does not fit ring KIND " + kind
                + ", node " + lease.node() + (shared ? "" : ", counter " + counter) + " (" + ring.location() + ")");
        }
        if (length < 0 || length > ring.payloadCapacity())
        {
            throw new PayloadTooLargeException("replicated payload of " + length + " bytes exceeds the payload capacity "
                + ring.payloadCapacity() + " of ring KIND " + kind + " (" + ring.location() + ")");
        }
        raiseVersion(version);
        return shared ? replicateShared(id, version, frameKind, source, offset, length)
            : replicatePerNode(counter, id, version, frameKind, source, offset, length);
    }

    private boolean replicatePerNode(
        final long counter, final long id, final long version, final int frameKind, final DirectBuffer source, final int offset,
        final int length)
    {
        final int laneHeader = laneHeaderOffset(lane);
        final long head = buffer.getLongAcquire(laneHeader + WRITE_POS_OFFSET); // sees a previous lease holder's commits
        if (counter < head)
        {
            duplicates++;
            return false;
        }
        if (counter > head)
        {
            lost += counter - head;
            for (long gap = Math.max(head, counter + 1 - capacity); gap < counter; gap++)
            {
                // 2g+4 > 2g+2: readers of g see "overwritten"; ordered before the head by the release below.
                buffer.putLongOpaque(ring.slots().slotOffset(lane, gap) + STAMP_OFFSET, 2 * gap + 4);
            }
        }
        final int slot = ring.slots().slotOffset(lane, counter);
        buffer.putLongOpaque(slot + STAMP_OFFSET, 2 * counter + 1);
        VarHandle.storeStoreFence(); // the odd stamp is visible before any field byte of the slot changes
        writeFrame(slot, id, version, frameKind, source, offset, length);
        buffer.putLongRelease(slot + STAMP_OFFSET, 2 * counter + 2); // fields happen-before the committed stamp
        buffer.putLongRelease(laneHeader + WRITE_POS_OFFSET, counter + 1); // head covers committed frames (and marked gaps) only
        ring.notifyPublished(); // blocked subscribers wake for replicated frames as for local ones
        replicated++;
        return true;
    }

    private boolean replicateShared(
        final long sourceId, final long version, final int frameKind, final DirectBuffer source, final int offset, final int length)
    {
        final long counter = buffer.getAndAddLong(laneHeaderOffset(0) + WRITE_POS_OFFSET, 1);
        final int slot = ring.slots().slotOffset(0, counter);
        if (!ring.writer().begin(slot, counter))
        {
            dropped++;
            return false;
        }
        writeFrame(slot, NetId64.make(kind, NetId64.node(sourceId), counter), version, frameKind, source, offset, length);
        ring.writer().commit(slot, counter);
        replicated++;
        return true;
    }

    /** Id first, as every writer does: a waiting writer or reader identifies the slot's writer from it. */
    private void writeFrame(
        final int slot, final long id, final long version, final int frameKind, final DirectBuffer source, final int offset,
        final int length)
    {
        buffer.putLong(slot + ID_OFFSET, id);
        buffer.putLong(slot + FRAME_VERSION_OFFSET, version);
        buffer.putInt(slot + PAYLOAD_LENGTH_OFFSET, length);
        buffer.putByte(slot + FRAME_KIND_OFFSET, (byte)frameKind);
        buffer.putBytes(slot + PAYLOAD_OFFSET, source, offset, length);
    }

    private void raiseVersion(final long version)
    {
        long current = buffer.getLongVolatile(VERSION_COUNTER_OFFSET);
        while (Long.compareUnsigned(current, version) < 0 && !buffer.compareAndSetLong(VERSION_COUNTER_OFFSET, current, version))
        {
            current = buffer.getLongVolatile(VERSION_COUNTER_OFFSET);
        }
    }

    /**
     * Records counters the source side lost without sending anything (for SHARED rings, where no
     * counter gap can carry it; PER_NODE gaps are counted by {@link #replicate}).
     *
     * @param frames frames lost on the way.
     */
    public void countLost(final long frames)
    {
        lost += frames;
    }

    /**
     * @return frames written.
     */
    public long replicated()
    {
        return replicated;
    }

    /**
     * @return PER_NODE frames skipped because their counter was already below the lane head.
     */
    public long duplicates()
    {
        return duplicates;
    }

    /**
     * @return frames the source side lost: PER_NODE counter gaps (marked for local readers as
     *         overwritten), plus SHARED losses recorded with {@link #countLost(long)}.
     */
    public long lost()
    {
        return lost;
    }

    /**
     * @return SHARED frames dropped because a newer local writer already owned the claimed slot.
     */
    public long dropped()
    {
        return dropped;
    }

    @Override
    public String toString()
    {
        return "LaneReplicator{kind=" + kind + ", node=" + lease.node() + ", lane=" + lane + ", replicated=" + replicated
            + ", lost=" + lost + ", duplicates=" + duplicates + "}";
    }
}
