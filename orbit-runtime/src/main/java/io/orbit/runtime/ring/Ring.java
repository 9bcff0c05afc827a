package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.NotifyDisabledException;
import io.orbit.runtime.OrbitException;
import io.orbit.runtime.PayloadTooLargeException;
import io.orbit.runtime.segment.Segment;
import io.orbit.runtime.segment.SegmentStore;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * One fixed-capacity, lossy ring of one KIND in one fleet, over a segment laid out as
 * {@link RingLayout} describes. Publishing never waits for readers; readers never block writers
 * and never deliver a frame whose bytes differ from what one publish wrote.
 *
 * <p>Writes go to this process's lane ({@link Topology#PER_NODE}, one writer per lane, guarded by a
 * process-local lock) or to the single shared lane ({@link Topology#SHARED}, counters claimed with
 * {@code getAndAdd}, slots acquired by CAS on their stamp). Reads check the slot stamp before and
 * after copying (a seqlock) and check that the id carries the expected counter.
 *
 * <p>Instances are thread-safe. Obtain them from a fleet.
 */
public final class Ring
{
    /** System property: how long a SHARED slot may stay claimed-but-uncommitted before it is given up (ms). */
    public static final String PENDING_BOUND_PROPERTY = "orbit.ring.pendingBoundMs";
    /** Default of {@link #PENDING_BOUND_PROPERTY}. */
    public static final long DEFAULT_PENDING_BOUND_MS = 1000;

    static final int READY = 0;
    static final int OVERWRITTEN = 1;
    static final int IN_FLIGHT = 2;
    static final int NOT_YET = 3;
    static final int CORRUPT = 4;

    /** A waiting writer or reader asks about the liveness of a stuck writer only after this long. */
    static final long PROBE_AFTER_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** ... and then at most this often (a probe is a few system calls). */
    static final long PROBE_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final int READ_ATTEMPTS = 4;
    private static final int HEAD_ATTEMPTS = 4;
    private static final int SPINS_BEFORE_YIELD = 200;
    private static final VarHandle WRITE_LOCKED;

    static
    {
        try
        {
            WRITE_LOCKED = MethodHandles.lookup().findVarHandle(Ring.class, "writeLocked", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private static final PayloadEncoder<byte[]> BYTE_ARRAY = (buffer, offset, bytes) -> buffer.putBytes(offset, bytes);

    private final String fleet;
    private final RingSpec spec;
    private final Segment segment;
    private final AtomicBuffer buffer;
    private final int fleetSize;
    private final int selfNode;
    private final int laneCount;
    private final int capacity;
    private final long mask;
    private final int stride;
    private final int payloadCapacity;
    private final int slotsOffset;
    private final int writeLane;
    private final NodeLiveness liveness;
    private final long pendingBoundNs;
    /** 0 free, 1 held: serialises this process's writers of its PER_NODE lane (cheaper than a ReentrantLock). */
    @SuppressWarnings("unused")
    private volatile int writeLocked;
    private final WriterStats writerStats = new WriterStats();
    private final ForeignWriterCheck foreignWriter = new ForeignWriterCheck(this);
    private final LaneRecency recency;
    private final RingNotifier notifier;
    private final RingWaiter waiter;
    private volatile boolean closed;

    private Ring(
        final String fleet,
        final RingSpec spec,
        final Segment segment,
        final int fleetSize,
        final int selfNode,
        final NodeLiveness liveness,
        final long pendingBoundNs)
    {
        this.fleet = fleet;
        this.spec = spec;
        this.segment = segment;
        this.buffer = segment.buffer();
        this.fleetSize = fleetSize;
        this.selfNode = selfNode;
        this.laneCount = spec.topology().laneCount(fleetSize);
        this.capacity = spec.capacity();
        this.mask = capacity - 1L;
        this.stride = spec.slotStride();
        this.payloadCapacity = spec.payloadCapacity();
        this.slotsOffset = RingLayout.slotsOffset(laneCount);
        this.writeLane = spec.topology() == Topology.PER_NODE ? selfNode : 0;
        this.recency = new LaneRecency(laneCount);
        this.notifier = new RingNotifier(buffer, spec.notifyMode());
        this.waiter = new RingWaiter(buffer);
        this.liveness = liveness;
        this.pendingBoundNs = pendingBoundNs;
    }

    /**
     * Creates or attaches to the ring segment {@code orbit-{fleet}-{kind}-{uid}} in a store.
     *
     * @param store          where the fleet's segments live.
     * @param segmentName    the segment's file name.
     * @param fleet          fleet name, for messages.
     * @param spec           the ring's spec.
     * @param fleetSize      nodes of the fleet.
     * @param selfNode       this process's node.
     * @param liveness       node liveness of the fleet.
     * @param pendingBoundMs bound after which a stuck SHARED slot is given up.
     * @return the opened ring.
     */
    public static Ring open(
        final SegmentStore store,
        final String segmentName,
        final String fleet,
        final RingSpec spec,
        final int fleetSize,
        final int selfNode,
        final NodeLiveness liveness,
        final long pendingBoundMs)
    {
        final Segment segment = store.open(segmentName, new RingSegmentFormat(fleet, spec, spec.topology().laneCount(fleetSize)));
        return new Ring(fleet, spec, segment, fleetSize, selfNode, liveness, TimeUnit.MILLISECONDS.toNanos(pendingBoundMs));
    }

    /**
     * @return the ring's spec.
     */
    public RingSpec spec()
    {
        return spec;
    }

    /**
     * @return the ring's KIND.
     */
    public int kind()
    {
        return spec.kind();
    }

    /**
     * @return slots per lane.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * @return payload bytes per slot.
     */
    public int payloadCapacity()
    {
        return payloadCapacity;
    }

    /**
     * @return lanes: the fleet size for PER_NODE, one for SHARED.
     */
    public int laneCount()
    {
        return laneCount;
    }

    /**
     * @return the node this handle writes as.
     */
    public int selfNode()
    {
        return selfNode;
    }

    /**
     * @return the lane this handle writes into.
     */
    public int writeLane()
    {
        return writeLane;
    }

    /**
     * @return the segment's file (shared memory) or {@code local:} name.
     */
    public String location()
    {
        return segment.location();
    }

    /**
     * @return true when this process created the segment.
     */
    public boolean created()
    {
        return segment.created();
    }

    /**
     * @return process-local counts of dropped and taken-over SHARED writes.
     */
    public WriterStats writerStats()
    {
        return writerStats;
    }

    /**
     * @return a view sized for this ring's payloads, for the zero-allocation read forms.
     */
    public FrameView newFrameView()
    {
        return new FrameView(payloadCapacity);
    }

    // ---------------------------------------------------------------------------------------- write

    /**
     * Publishes one frame.
     *
     * @param frameKind opcode inside the ring, 0..255.
     * @param version   frame version (timestamp or sequence, per substrate).
     * @param payload   payload bytes, at most {@link #payloadCapacity()}.
     * @return the NetId64 minted for the frame.
     * @throws PayloadTooLargeException before anything is claimed, when the payload does not fit.
     */
    public long publish(final int frameKind, final long version, final byte[] payload)
    {
        return publish(frameKind, version, payload.length, BYTE_ARRAY, payload);
    }

    /**
     * Publishes one frame whose payload is copied from a buffer.
     *
     * @param frameKind opcode inside the ring.
     * @param version   frame version.
     * @param source    buffer holding the payload.
     * @param offset    payload start in {@code source}.
     * @param length    payload length, at most {@link #payloadCapacity()}.
     * @return the NetId64 minted for the frame.
     */
    public long publish(final int frameKind, final long version, final DirectBuffer source, final int offset, final int length)
    {
        checkLength(length);
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

    /**
     * A publisher for one thread that holds this process's write lane until it is closed, so each
     * publish skips the lane lock and its locked instruction (Aeron's exclusive publication, Agrona's
     * single-threaded transmitter). Other publishes of this handle wait until it closes. For SHARED
     * rings it simply delegates.
     *
     * @return the publisher; close it to give the lane back.
     */
    public ExclusivePublisher exclusivePublisher()
    {
        if (spec.topology() == Topology.PER_NODE)
        {
            lockWriteLane();
        }
        return new ExclusivePublisher(this);
    }

    /** Publish by the exclusive publisher: the lane lock is already held (PER_NODE). */
    long publishHeld(final int frameKind, final long version, final DirectBuffer source, final int offset, final int length)
    {
        if (spec.topology() == Topology.SHARED)
        {
            return publish(frameKind, version, source, offset, length);
        }
        checkLength(length);
        return writeCopy(laneCounter(), frameKind, version, source, offset, length);
    }

    void releaseExclusive()
    {
        if (spec.topology() == Topology.PER_NODE)
        {
            unlockWriteLane();
        }
    }

    private long writeCopy(
        final long counter, final int frameKind, final long version, final DirectBuffer source, final int offset, final int length)
    {
        final int slot = beginFrame(counter, frameKind, version, length);
        if (slot >= 0)
        {
            buffer.putBytes(slot + PAYLOAD_OFFSET, source, offset, length);
            commit(slot, counter);
        }
        return NetId64.make(spec.kind(), selfNode, counter);
    }

    /**
     * Publishes one frame whose payload an encoder writes straight into the slot (no intermediate
     * array). The encoder must write exactly {@code length} bytes.
     *
     * @param frameKind opcode inside the ring.
     * @param version   frame version.
     * @param length    payload length, at most {@link #payloadCapacity()}.
     * @param encoder   writes the payload.
     * @param value     value handed to the encoder.
     * @param <T>       value type.
     * @return the NetId64 minted for the frame.
     */
    public <T> long publish(
        final int frameKind, final long version, final int length, final PayloadEncoder<T> encoder, final T value)
    {
        checkLength(length);
        final long counter = claim();
        try
        {
            final int slot = beginFrame(counter, frameKind, version, length);
            if (slot >= 0)
            {
                encoder.encode(buffer, slot + PAYLOAD_OFFSET, value);
                commit(slot, counter);
            }
            return NetId64.make(spec.kind(), selfNode, counter);
        }
        finally
        {
            releaseClaim();
        }
    }

    /**
     * Publishes several frames with consecutive counters in this process's lane; for PER_NODE the
     * lane head moves once, after the last frame is committed.
     *
     * @param frameKind opcode shared by all frames.
     * @param version   version shared by all frames.
     * @param payloads  payloads, each at most {@link #payloadCapacity()}; at most {@link #capacity()} of them.
     * @return the ids, in order.
     */
    public long[] publishBatch(final int frameKind, final long version, final List<byte[]> payloads)
    {
        if (payloads.size() > capacity)
        {
            throw new PayloadTooLargeException("batch of " + payloads.size() + " frames exceeds the capacity " + capacity
                + " of ring KIND " + spec.kind() + " in fleet " + fleet);
        }
        for (final byte[] payload : payloads)
        {
            checkLength(payload.length);
        }
        final long[] ids = new long[payloads.size()];
        if (payloads.isEmpty())
        {
            return ids;
        }
        if (spec.topology() == Topology.SHARED)
        {
            final long first = buffer.getAndAddLong(laneHeaderOffset(0) + WRITE_POS_OFFSET, payloads.size());
            for (int i = 0; i < ids.length; i++)
            {
                final long counter = first + i;
                final int slot = slotOffset(0, counter);
                ids[i] = NetId64.make(spec.kind(), selfNode, counter);
                if (acquireSharedSlot(slot, counter))
                {
                    writeFrame(slot, ids[i], version, frameKind, payloads.get(i));
                    commitShared(slot, counter);
                }
            }
            return ids;
        }
        lockWriteLane();
        try
        {
            final int laneHeader = laneHeaderOffset(writeLane);
            final long first = laneCounter();
            for (int i = 0; i < ids.length; i++)
            {
                final long counter = first + i;
                final int slot = slotOffset(writeLane, counter);
                ids[i] = NetId64.make(spec.kind(), selfNode, counter);
                beginPerNode(slot, counter);
                writeFrame(slot, ids[i], version, frameKind, payloads.get(i));
                buffer.putLongRelease(slot + STAMP_OFFSET, 2 * counter + 2); // fields happen-before the committed stamp
            }
            buffer.putLongRelease(laneHeader + WRITE_POS_OFFSET, first + ids.length); // head covers committed frames only
            foreignWriter.published(first + ids.length);
            notifier.published();
        }
        finally
        {
            unlockWriteLane();
        }
        return ids;
    }

    /**
     * A writer of replicated frames (from this ring's copy on another host) into the lane of a node
     * whose lease this process holds; see {@link LaneReplicator}.
     *
     * @param lease the held lease of the node whose frames are replicated.
     * @return the replicator, for one thread.
     */
    public LaneReplicator laneReplicator(final NodeLease lease)
    {
        return new LaneReplicator(this, buffer, lease);
    }

    /**
     * @return the next value of the fleet-wide version sequence of this ring (first value 1).
     */
    public long nextVersion()
    {
        return buffer.getAndAddLong(VERSION_COUNTER_OFFSET, 1) + 1;
    }

    /**
     * @return the last value handed out by {@link #nextVersion()}, 0 if none.
     */
    public long currentVersion()
    {
        return buffer.getLongVolatile(VERSION_COUNTER_OFFSET);
    }

    private void checkLength(final int length)
    {
        if (length > payloadCapacity || length < 0)
        {
            throw new PayloadTooLargeException("payload of " + length + " bytes exceeds the payload capacity "
                + payloadCapacity + " of ring KIND " + spec.kind() + " in fleet " + fleet + " (" + segment.location() + ")");
        }
    }

    /**
     * Claims the next counter: PER_NODE takes the write lock (released by {@link #releaseClaim}); SHARED
     * reserves with getAndAdd.
     */
    private long claim()
    {
        if (spec.topology() == Topology.SHARED)
        {
            return buffer.getAndAddLong(laneHeaderOffset(0) + WRITE_POS_OFFSET, 1);
        }
        lockWriteLane();
        try
        {
            return laneCounter();
        }
        catch (final RuntimeException ex)
        {
            unlockWriteLane();
            throw ex;
        }
    }

    /** The PER_NODE counter to write next; the lane lock is held. */
    private long laneCounter()
    {
        final long head = buffer.getLong(laneHeaderOffset(writeLane) + WRITE_POS_OFFSET); // plain: only this process writes this lane
        foreignWriter.beforePublish(head);
        return head;
    }

    /**
     * Marks a claimed counter's slot as being written and writes the frame header.
     *
     * @return the slot's offset, ready for the payload; -1 when SHARED dropped the frame.
     */
    private int beginFrame(final long counter, final int frameKind, final long version, final int length)
    {
        final int slot = slotOffset(writeLane, counter);
        if (!begin(slot, counter))
        {
            return -1;
        }
        writeHeader(slot, NetId64.make(spec.kind(), selfNode, counter), version, length, frameKind);
        return slot;
    }

    /**
     * Marks the slot as being written. PER_NODE always succeeds; SHARED may drop the frame (a newer
     * writer owns the slot, or an older live writer holds it past the bound).
     */
    private boolean begin(final int slot, final long counter)
    {
        if (spec.topology() == Topology.SHARED)
        {
            return acquireSharedSlot(slot, counter);
        }
        beginPerNode(slot, counter);
        return true;
    }

    private void beginPerNode(final int slot, final long counter)
    {
        buffer.putLongOpaque(slot + STAMP_OFFSET, 2 * counter + 1);
        VarHandle.storeStoreFence(); // the odd stamp is visible before any field byte of the slot changes
    }

    private void commit(final int slot, final long counter)
    {
        if (spec.topology() == Topology.SHARED)
        {
            commitShared(slot, counter);
            return;
        }
        buffer.putLongRelease(slot + STAMP_OFFSET, 2 * counter + 2); // fields happen-before the committed stamp
        buffer.putLongRelease(laneHeaderOffset(writeLane) + WRITE_POS_OFFSET, counter + 1); // head covers committed frames only
        foreignWriter.published(counter + 1);
        notifier.published();
    }

    /** Ends a claim: PER_NODE releases the write lock (a failed write leaves the head where it was). */
    private void releaseClaim()
    {
        if (spec.topology() == Topology.PER_NODE)
        {
            unlockWriteLane();
        }
    }

    void commitShared(final int slot, final long counter)
    {
        // CAS releases the fields; failure means a takeover already gave this slot to another writer.
        if (!buffer.compareAndSetLong(slot + STAMP_OFFSET, 2 * counter + 1, 2 * counter + 2))
        {
            writerStats.onTakenOver();
            return;
        }
        notifier.published();
    }

    /**
     * SHARED slot acquisition: CAS the stamp from an older committed (or never written) value to
     * {@code 2c+1}; never overwrite a newer writer; wait for an older writer still mid-write and take
     * its slot over only once it is known dead, or past the bound when its id cannot be trusted.
     */
    boolean acquireSharedSlot(final int slot, final long counter)
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
                nextProbe = now + PROBE_AFTER_NS;
            }
            final long olderId = buffer.getLongVolatile(slot + ID_OFFSET);
            final boolean trusted = ownsSlot(olderId, stamp >>> 1);
            boolean takeOver = false;
            if (trusted)
            {
                if (now - nextProbe >= 0)
                {
                    nextProbe = now + PROBE_INTERVAL_NS;
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
            idle(spins++);
        }
    }

    /** Whether a slot's id field names the writer of this counter (its id is written first). */
    private boolean ownsSlot(final long id, final long counter)
    {
        return NetId64.kind(id) == spec.kind() && NetId64.counterMatches(id, counter) && NetId64.node(id) < fleetSize;
    }

    private void writeFrame(final int slot, final long id, final long version, final int frameKind, final byte[] payload)
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

    private void lockWriteLane()
    {
        int spins = 0;
        while (!WRITE_LOCKED.compareAndSet(this, 0, 1)) // acquire: the lane's previous writes by other threads are visible
        {
            idle(spins++);
        }
    }

    private void unlockWriteLane()
    {
        WRITE_LOCKED.setRelease(this, 0); // release: this thread's lane writes happen-before the next holder's
    }

    private static void idle(final int spins)
    {
        if (spins < SPINS_BEFORE_YIELD)
        {
            Thread.onSpinWait();
        }
        else if (spins < 2 * SPINS_BEFORE_YIELD)
        {
            Thread.yield();
        }
        else
        {
            LockSupport.parkNanos(50_000);
        }
    }

    // ----------------------------------------------------------------------------------------- read

    /**
     * @return the head of this handle's write lane: the next counter to be written there.
     */
    public long head()
    {
        return head(writeLane);
    }

    /**
     * @param lane lane index.
     * @return that lane's head: for PER_NODE the count of committed frames, for SHARED the count of
     *         claimed counters.
     */
    public long head(final int lane)
    {
        checkLane(lane);
        return buffer.getLongAcquire(laneHeaderOffset(lane) + WRITE_POS_OFFSET);
    }

    /**
     * Reads the frame with this id, if it is still in the ring.
     *
     * @param id   NetId64 of the frame.
     * @param into view to fill.
     * @return true when the frame was read.
     */
    public boolean read(final long id, final FrameView into)
    {
        if (NetId64.kind(id) != spec.kind())
        {
            return false;
        }
        final int lane = spec.topology() == Topology.PER_NODE ? NetId64.node(id) : 0;
        if (lane >= laneCount)
        {
            return false;
        }
        final long head = head(lane);
        if (head == 0)
        {
            return false;
        }
        // The newest full counter below the head whose low 40 bits match the id.
        final long counter = (head - 1) - (((head - 1) - NetId64.counter(id)) & NetId64.COUNTER_MASK);
        if (counter < 0 || head - counter > capacity)
        {
            return false;
        }
        return readSlot(lane, counter, into, true) == READY && into.id() == id;
    }

    /**
     * @param id NetId64 of the frame.
     * @return the frame, if it is still in the ring (allocates).
     */
    public Optional<Frame> read(final long id)
    {
        final FrameView view = newFrameView();
        return read(id, view) ? Optional.of(view.toFrame()) : Optional.empty();
    }

    /**
     * Reads whatever committed frame holds a counter of a lane, checked as every read is.
     *
     * @param lane    lane index.
     * @param counter full 64-bit counter.
     * @param into    view to fill.
     * @return true when that counter's frame was read.
     */
    public boolean readAt(final int lane, final long counter, final FrameView into)
    {
        checkLane(lane);
        return counter >= 0 && readSlot(lane, counter, into, true) == READY;
    }

    /**
     * @param lane    lane index.
     * @param counter full 64-bit counter.
     * @return that counter's frame, if still committed there (allocates).
     */
    public Optional<Frame> readAt(final int lane, final long counter)
    {
        final FrameView view = newFrameView();
        return readAt(lane, counter, view) ? Optional.of(view.toFrame()) : Optional.empty();
    }

    /**
     * Reads the newest committed frame of one lane (never a stale slot from an earlier lap).
     *
     * @param lane lane index.
     * @param into view to fill.
     * @return true when the lane holds a committed frame.
     */
    public boolean readLaneHead(final int lane, final FrameView into)
    {
        return readLaneHead(lane, into, true);
    }

    /**
     * Reads the newest committed frame of the ring: for SHARED the newest of its lane, for PER_NODE
     * the lane head with the highest {@code version} (ties go to the lower lane); a version-0 head
     * (an unversioned writer such as orbit-rs's {@code Orbital::store}) is ordered by when this handle
     * saw its lane change instead ({@link LaneRecency} states the rule).
     *
     * @param into view to fill.
     * @return true when the ring holds a committed frame.
     */
    public boolean readHead(final FrameView into)
    {
        if (laneCount == 1)
        {
            return readLaneHead(0, into, true);
        }
        for (int attempt = 0; attempt < HEAD_ATTEMPTS; attempt++)
        {
            int bestLane = -1;
            long bestVersion = 0;
            long bestCounter = 0;
            long callTick = 0;
            for (int lane = 0; lane < laneCount; lane++)
            {
                if (readLaneHead(lane, into, false))
                {
                    callTick = recency.note(lane, into.counter(), callTick);
                    if (bestLane < 0 || recency.newer(into.version(), lane, bestVersion, bestLane))
                    {
                        bestLane = lane;
                        bestVersion = into.version();
                        bestCounter = into.counter();
                    }
                }
            }
            if (bestLane < 0)
            {
                return false;
            }
            if (readSlot(bestLane, bestCounter, into, true) == READY)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the newest committed frame of the ring (allocates).
     */
    public Optional<Frame> readHead()
    {
        final FrameView view = newFrameView();
        return readHead(view) ? Optional.of(view.toFrame()) : Optional.empty();
    }

    private boolean readLaneHead(final int lane, final FrameView into, final boolean copyPayload)
    {
        checkLane(lane);
        for (int attempt = 0; attempt < HEAD_ATTEMPTS; attempt++)
        {
            final long head = head(lane);
            final long floor = Math.max(0, head - capacity);
            boolean lapped = false;
            for (long counter = head - 1; counter >= floor && !lapped; counter--)
            {
                final int outcome = readSlot(lane, counter, into, copyPayload);
                if (outcome == READY)
                {
                    return true;
                }
                lapped = outcome == OVERWRITTEN; // the head moved on: start again from the new head
            }
            if (!lapped)
            {
                return false;
            }
        }
        return false;
    }

    /**
     * The seqlock read of one counter: stamp (acquire), fields and payload, load-load fence, stamp
     * again; a frame is delivered only when both stamps equal {@code 2c+2}, the id carries the
     * counter (mod 2^40) and the KIND, and the length fits. Torn reads are retried, then classified.
     */
    int readSlot(final int lane, final long counter, final FrameView into, final boolean copyPayload)
    {
        final int slot = slotOffset(lane, counter);
        final long committed = 2 * counter + 2;
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++)
        {
            final long s1 = buffer.getLongAcquire(slot + STAMP_OFFSET); // field reads below cannot move above this
            if (s1 != committed)
            {
                return classify(s1, committed);
            }
            final long id = buffer.getLong(slot + ID_OFFSET);
            final long version = buffer.getLong(slot + FRAME_VERSION_OFFSET);
            final int length = buffer.getInt(slot + PAYLOAD_LENGTH_OFFSET);
            final int frameKind = buffer.getByte(slot + FRAME_KIND_OFFSET) & 0xFF;
            final boolean lengthFits = length >= 0 && length <= payloadCapacity;
            if (copyPayload && lengthFits)
            {
                into.payloadBuffer().putBytes(0, buffer, slot + PAYLOAD_OFFSET, length);
            }
            VarHandle.loadLoadFence(); // field and payload reads complete before the stamp is read again
            final long s2 = buffer.getLongOpaque(slot + STAMP_OFFSET);
            if (s2 != s1)
            {
                continue;
            }
            if (!lengthFits || NetId64.kind(id) != spec.kind() || !NetId64.counterMatches(id, counter))
            {
                return CORRUPT;
            }
            into.set(id, version, frameKind, copyPayload ? length : 0, lane, counter);
            return READY;
        }
        final long stamp = buffer.getLongAcquire(slot + STAMP_OFFSET);
        return stamp == committed ? NOT_YET : classify(stamp, committed);
    }

    private static int classify(final long stamp, final long committed)
    {
        if (stamp > committed)
        {
            return OVERWRITTEN;
        }
        return stamp == committed - 1 ? IN_FLIGHT : NOT_YET;
    }

    /** The id currently in a counter's slot (for deciding whether its writer is dead). */
    long slotId(final int lane, final long counter)
    {
        return buffer.getLongVolatile(slotOffset(lane, counter) + ID_OFFSET);
    }

    boolean writerOfSlotIsDead(final int lane, final long counter)
    {
        final long id = slotId(lane, counter);
        return ownsSlot(id, counter) && !liveness.isAlive(NetId64.node(id));
    }

    long pendingBoundNs()
    {
        return pendingBoundNs;
    }

    // -------------------------------------------------------------------------------------- cursors

    /**
     * @return a cursor at counter 0 of every lane (reads the retained history first).
     */
    public RingCursor cursorFromStart()
    {
        return new RingCursor(this, -1);
    }

    /**
     * @return a cursor at every lane's current head (reads only frames published from now on).
     */
    public RingCursor cursorAtHead()
    {
        return new RingCursor(this, -2);
    }

    /**
     * @param counter first counter to read in every lane.
     * @return a cursor at that counter.
     */
    public RingCursor cursorFromCounter(final long counter)
    {
        if (counter < 0)
        {
            throw new IllegalArgumentException("cursor counter must be >= 0, was " + counter);
        }
        return new RingCursor(this, counter);
    }

    // ---------------------------------------------------------------------------------------- reset

    /**
     * @return the reset generation; every {@link #reset(boolean)} bumps it and cursors notice.
     */
    public long resetGeneration()
    {
        return buffer.getLongAcquire(RESET_GENERATION_OFFSET);
    }

    /**
     * Boot-time reset: zeroes every slot, lane head and the version counter, then bumps the reset
     * generation so every cursor reports the reset instead of silently skipping. Refused while
     * another node of the fleet is alive, unless forced.
     *
     * @param force reset even while other nodes are alive (their frames in flight are lost).
     */
    public void reset(final boolean force)
    {
        if (!force)
        {
            for (int node = 0; node < fleetSize; node++)
            {
                if (node != selfNode && liveness.isAlive(node))
                {
                    throw new OrbitException("refusing to reset ring KIND " + spec.kind() + " of fleet " + fleet + " ("
                        + segment.location() + "): node " + node + " is alive; reset is a boot-time operation "
                        + "(pass force=true to reset anyway)");
                }
            }
        }
        lockWriteLane();
        try
        {
            final int slots = slotsOffset;
            buffer.setMemory(slots, (int)(RingLayout.segmentLength(laneCount, capacity, stride) - slots), (byte)0);
            for (int lane = 0; lane < laneCount; lane++)
            {
                buffer.putLongRelease(laneHeaderOffset(lane) + WRITE_POS_OFFSET, 0);
            }
            buffer.putLongRelease(VERSION_COUNTER_OFFSET, 0);
            buffer.getAndAddLong(RESET_GENERATION_OFFSET, 1); // published after the zeroing: a cursor that sees it sees empty lanes
        }
        finally
        {
            unlockWriteLane();
        }
    }

    /**
     * Gives up this handle's use of the segment; the segment stays for other processes.
     */
    public void close()
    {
        closed = true;
        notifier.closing();
        segment.close();
    }

    // ------------------------------------------------------------------------------------ wake-ups

    /**
     * @return how this ring's publishers wake blocked subscribers (the spec's mode, or
     *         {@link Notify#ALWAYS} under {@code -Dorbit.ring.notifyAlways=true}).
     */
    public Notify notifyMode()
    {
        return notifier.mode();
    }

    /**
     * @return true once {@link #close()} was called on this handle.
     */
    public boolean isClosed()
    {
        return closed;
    }

    /** After a commit made outside the publish paths (lane replication): wakes waiters as a publish does. */
    void notifyPublished()
    {
        notifier.published();
    }

    /** Waits for a cursor of this ring; refused on a ring whose publishers never notify. */
    boolean await(final RingWaiter.Readiness readiness, final long timeoutNs)
    {
        if (notifier.mode() == Notify.NONE)
        {
            throw new NotifyDisabledException("ring KIND " + spec.kind() + " of fleet " + fleet + " (" + segment.location()
                + ") does not notify, so a blocked subscriber would never be woken: declare it with "
                + "RingSpec.withNotify(Notify.WAITERS) in every process, or poll with an IdleStrategy");
        }
        return waiter.await(readiness, timeoutNs);
    }

    // ----------------------------------------------------------------------------------- test hooks

    /**
     * Test hook: claims a counter, stamps it odd and writes the frame, but never commits, as a
     * writer that stops (or dies) between its stamp and its commit. Not used by any production path.
     */
    long publishWithoutCommit(final int frameKind, final long version, final byte[] payload)
    {
        checkLength(payload.length);
        final long counter = claim();
        try
        {
            final int slot = beginFrame(counter, frameKind, version, payload.length);
            if (slot >= 0)
            {
                buffer.putBytes(slot + PAYLOAD_OFFSET, payload);
            }
            return NetId64.make(spec.kind(), selfNode, counter);
        }
        finally
        {
            releaseClaim();
        }
    }

    /** Test hook: the ring's raw memory, for tests that damage slots or freeze a writer mid-write. */
    AtomicBuffer memory()
    {
        return buffer;
    }

    /** Test hook: sets a lane's head, for counter arithmetic near 2^40. */
    void forceLaneHead(final int lane, final long head)
    {
        buffer.putLongRelease(laneHeaderOffset(lane) + WRITE_POS_OFFSET, head);
    }

    // -------------------------------------------------------------------------------------- helpers

    int slotOffset(final int lane, final long counter)
    {
        return (int)(slotsOffset + ((long)lane * capacity + (counter & mask)) * stride);
    }

    private void checkLane(final int lane)
    {
        if (lane < 0 || lane >= laneCount)
        {
            throw new IllegalArgumentException("lane " + lane + " is outside 0.." + (laneCount - 1) + " of ring KIND "
                + spec.kind() + " in fleet " + fleet);
        }
    }

    @Override
    public String toString()
    {
        return "Ring{fleet=" + fleet + ", " + spec + ", lanes=" + laneCount + ", node=" + selfNode + ", " + segment.location() + "}";
    }
}
