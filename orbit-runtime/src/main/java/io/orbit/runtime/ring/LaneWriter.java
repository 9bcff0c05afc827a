package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.segment.Backoff;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;

import java.util.List;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * The write protocol of one ring, chosen once when the ring opens: {@link PerNodeLaneWriter} for
 * {@link Topology#PER_NODE}, {@link SharedLaneWriter} for {@link Topology#SHARED}. A publish is
 * claim, begin (odd stamp, header), payload, commit (even stamp), release; the subclasses supply
 * each step, so the write path never asks which topology it serves.
 *
 * <p>Arguments are checked by {@link Ring} before any step runs.
 */
abstract class LaneWriter
{
    /** Lane lock and SHARED slot waits: 200 spins, 200 yields, then 50 µs parks. */
    static final Backoff BACKOFF = new Backoff(200, 200, 50_000);

    final RingSlots slots;
    final AtomicBuffer buffer;
    final int kind;
    final int selfNode;
    final int writeLane;
    /** Serialises this process's writers of its PER_NODE lane and closes the handle's writes. */
    final LaneGate gate;
    /** Wakes blocked subscribers after each commit (the subclasses call it where a frame becomes visible). */
    final RingNotifier notifier;

    LaneWriter(final RingSlots slots, final LaneGate gate, final int selfNode, final int writeLane, final RingNotifier notifier)
    {
        this.gate = gate;
        this.notifier = notifier;
        this.slots = slots;
        this.buffer = slots.buffer;
        this.kind = slots.kind;
        this.selfNode = selfNode;
        this.writeLane = writeLane;
    }

    /**
     * Claims the next counter: PER_NODE takes the write lock (released by {@link #releaseClaim}); SHARED
     * reserves with getAndAdd.
     */
    abstract long claim();

    /**
     * Marks the slot as being written. PER_NODE always succeeds; SHARED may drop the frame (a newer
     * writer owns the slot, or an older live writer holds it past the bound).
     */
    abstract boolean begin(int slot, long counter);

    /** Commits a begun slot: its even stamp (and for PER_NODE the lane head). */
    abstract void commit(int slot, long counter);

    /** Ends a claim: PER_NODE releases the write lock (a failed write leaves the head where it was). */
    abstract void releaseClaim();

    /** Writes frames with consecutive counters into {@code ids.length} slots, filling {@code ids}. */
    abstract void publishBatch(int frameKind, long version, List<byte[]> payloads, long[] ids);

    /** Holds the lane for an {@link ExclusivePublisher} (PER_NODE; nothing to hold for SHARED). */
    abstract void acquireExclusive();

    /** Publish by the exclusive publisher: the lane is already held. */
    abstract long publishHeld(int frameKind, long version, DirectBuffer source, int offset, int length);

    /** Gives back what {@link #acquireExclusive()} held. */
    abstract void releaseExclusive();

    final long publish(final int frameKind, final long version, final DirectBuffer source, final int offset, final int length)
    {
        final long counter = claim();
        try
        {
            return writeCopy(counter, frameKind, version, source, offset, length);
        }
        finally
        {
            releaseClaim();
        }
    }

    final <T> long publish(
        final int frameKind, final long version, final int length, final PayloadEncoder<T> encoder, final T value)
    {
        final long counter = claim();
        try
        {
            final int slot = beginFrame(counter, frameKind, version, length);
            if (slot >= 0)
            {
                encoder.encode(buffer, slot + PAYLOAD_OFFSET, value);
                commit(slot, counter);
            }
            return NetId64.make(kind, selfNode, counter);
        }
        finally
        {
            releaseClaim();
        }
    }

    final long writeCopy(
        final long counter, final int frameKind, final long version, final DirectBuffer source, final int offset, final int length)
    {
        final int slot = beginFrame(counter, frameKind, version, length);
        if (slot >= 0)
        {
            buffer.putBytes(slot + PAYLOAD_OFFSET, source, offset, length);
            commit(slot, counter);
        }
        return NetId64.make(kind, selfNode, counter);
    }

    /**
     * Marks a claimed counter's slot as being written and writes the frame header.
     *
     * @return the slot's offset, ready for the payload; -1 when SHARED dropped the frame.
     */
    final int beginFrame(final long counter, final int frameKind, final long version, final int length)
    {
        final int slot = slots.slotOffset(writeLane, counter);
        if (!begin(slot, counter))
        {
            return -1;
        }
        writeHeader(slot, NetId64.make(kind, selfNode, counter), version, length, frameKind);
        return slot;
    }

    final void writeFrame(final int slot, final long id, final long version, final int frameKind, final byte[] payload)
    {
        writeHeader(slot, id, version, payload.length, frameKind);
        buffer.putBytes(slot + PAYLOAD_OFFSET, payload);
    }

    /** Id first: a waiting writer or reader identifies the slot's writer from it. */
    private void writeHeader(final int slot, final long id, final long version, final int length, final int frameKind)
    {
        buffer.putLong(slot + ID_OFFSET, id);
        buffer.putLong(slot + FRAME_VERSION_OFFSET, version);
        buffer.putInt(slot + PAYLOAD_LENGTH_OFFSET, length);
        buffer.putByte(slot + FRAME_KIND_OFFSET, (byte)frameKind);
    }

    /** Serialises this process's writers of its lane, and a reset against them (see {@link LaneGate#lock()}). */
    final void lockWriteLane()
    {
        gate.lock();
    }

    final void unlockWriteLane()
    {
        gate.unlock();
    }
}
