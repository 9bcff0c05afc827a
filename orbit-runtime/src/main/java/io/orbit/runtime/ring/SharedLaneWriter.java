package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import org.agrona.DirectBuffer;

import java.lang.invoke.VarHandle;
import java.util.List;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * The {@link Topology#SHARED} write protocol: every node writes the one lane. Counters are claimed
 * with {@code getAndAdd} on the lane head; a slot is acquired by CAS on its stamp and committed by
 * CAS, so a writer a lap behind never overwrites a newer one and a dead writer's slot can be taken
 * over.
 */
final class SharedLaneWriter extends LaneWriter
{
    private static final int HEAD_OFFSET = RingSlots.headOffset(0);

    private final NodeLiveness liveness;
    private final long pendingBoundNs;
    private final WriterStats writerStats;

    SharedLaneWriter(final RingSlots slots, final LaneGate gate, final int selfNode, final RingNotifier notifier,
        final NodeLiveness liveness, final long pendingBoundNs, final WriterStats writerStats)
    {
        super(slots, gate, selfNode, 0, notifier);
        this.liveness = liveness;
        this.pendingBoundNs = pendingBoundNs;
        this.writerStats = writerStats;
    }

    @Override
    long claim()
    {
        return buffer.getAndAddLong(HEAD_OFFSET, 1);
    }

    @Override
    boolean begin(final int slot, final long counter)
    {
        return acquireSharedSlot(slot, counter);
    }

    @Override
    void commit(final int slot, final long counter)
    {
        // CAS releases the fields; failure means a takeover already gave this slot to another writer.
        if (!buffer.compareAndSetLong(slot + STAMP_OFFSET, 2 * counter + 1, 2 * counter + 2))
        {
            writerStats.onTakenOver();
            return;
        }
        notifier.published();
    }

    @Override
    void releaseClaim()
    {
        // nothing held: the counter was reserved by getAndAdd
    }

    @Override
    void publishBatch(final int frameKind, final long version, final List<byte[]> payloads, final long[] ids)
    {
        final long first = buffer.getAndAddLong(HEAD_OFFSET, ids.length);
        for (int i = 0; i < ids.length; i++)
        {
            final long counter = first + i;
            final int slot = slots.slotOffset(0, counter);
            ids[i] = NetId64.make(kind, selfNode, counter);
            if (acquireSharedSlot(slot, counter))
            {
                writeFrame(slot, ids[i], version, frameKind, payloads.get(i));
                commit(slot, counter);
            }
        }
    }

    @Override
    void acquireExclusive()
    {
        // nothing to hold: SHARED publishes never take the lane lock
    }

    @Override
    long publishHeld(final int frameKind, final long version, final DirectBuffer source, final int offset, final int length)
    {
        return publish(frameKind, version, source, offset, length);
    }

    @Override
    void releaseExclusive()
    {
        // nothing was held
    }

    /**
     * SHARED slot acquisition: CAS the stamp from an older committed (or never written) value to
     * {@code 2c+1}; never overwrite a newer writer; wait for an older writer still mid-write and take
     * its slot over only once it is known dead, or past the bound when its id cannot be trusted.
     */
    private boolean acquireSharedSlot(final int slot, final long counter)
    {
        final long odd = 2 * counter + 1;
        long waitStart = 0;
        long nextProbe = 0;
        int spins = 0;
        while (true)
        {
            final long stamp = buffer.getLongVolatile(slot + STAMP_OFFSET);
            if (stamp >= odd)
            {
                writerStats.onLappedAtBirth();
                return false;
            }
            if ((stamp & 1) == 0)
            {
                if (buffer.compareAndSetLong(slot + STAMP_OFFSET, stamp, odd))
                {
                    VarHandle.storeStoreFence(); // the odd stamp is visible before any field byte of the slot changes
                    return true;
                }
                continue;
            }
            final long now = System.nanoTime();
            if (waitStart == 0)
            {
                waitStart = now;
                nextProbe = now + Ring.PROBE_AFTER_NS;
            }
            final long olderId = buffer.getLongVolatile(slot + ID_OFFSET);
            final boolean trusted = slots.ownsSlot(olderId, stamp >>> 1);
            boolean takeOver = false;
            if (trusted)
            {
                if (now - nextProbe >= 0)
                {
                    nextProbe = now + Ring.PROBE_INTERVAL_NS;
                    takeOver = !liveness.isAlive(NetId64.node(olderId));
                }
                if (!takeOver && now - waitStart >= pendingBoundNs)
                {
                    writerStats.onGaveUp(); // a live writer is paused mid-write: drop ours rather than tear its slot
                    return false;
                }
            }
            else
            {
                takeOver = now - waitStart >= pendingBoundNs;
            }
            if (takeOver)
            {
                if (buffer.compareAndSetLong(slot + STAMP_OFFSET, stamp, odd))
                {
                    writerStats.onTakeover();
                    VarHandle.storeStoreFence(); // the odd stamp is visible before any field byte of the slot changes
                    return true;
                }
                continue;
            }
            BACKOFF.idle(spins++);
        }
    }
}
