package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.Arguments;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.NotifyDisabledException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.segment.Segment;
import io.orbit.runtime.segment.SegmentStore;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
 * <p>The handle checks arguments and delegates: writes to the {@link LaneWriter} chosen for the
 * topology when the ring opens ({@link PerNodeLaneWriter} or {@link SharedLaneWriter}), reads to
 * the {@link SlotReader} it shares with its cursors.
 *
 * <p>Instances are thread-safe. Obtain them from a fleet.
 *
 * <p>Longer than this project's ~500-line rule because it is the whole public surface of a ring
 * (some thirty documented methods); each is an argument check and a one-line delegation.
 */
public final class Ring
{
    /** A waiting writer or reader asks about the liveness of a stuck writer only after this long. */
    static final long PROBE_AFTER_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** ... and then at most this often (a probe is a few system calls). */
    static final long PROBE_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final System.Logger LOG = System.getLogger(Ring.class.getName());
    private static final PayloadEncoder<byte[]> BYTE_ARRAY = (buffer, offset, bytes) -> buffer.putBytes(offset, bytes);

    private final String fleet;
    private final RingSpec spec;
    private final Segment segment;
    private final AtomicBuffer buffer;
    private final RingSlots slots;
    /** Serialises this process's writers of its PER_NODE lane and closes the handle's writes (shared with {@link #writer}). */
    private final LaneGate gate;
    /** A read-only inspection ({@link #inspect}): writes are refused, and waits watch without registering. */
    private final boolean readOnly;
    private final LaneWriter writer;
    private final SlotReader reader;
    private final int fleetSize;
    private final int selfNode;
    private final int laneCount;
    private final int capacity;
    private final int payloadCapacity;
    private final NodeLiveness liveness;
    private final long pendingBoundNs;
    private final WriterStats writerStats = new WriterStats();
    private final RingNotifier notifier;
    private final RingWaiter waiter;

    private Ring(
        final String fleet,
        final RingSpec spec,
        final Segment segment,
        final int fleetSize,
        final int selfNode,
        final NodeLiveness liveness,
        final long pendingBoundNs,
        final boolean readOnly)
    {
        this.fleet = fleet;
        this.readOnly = readOnly;
        this.spec = spec;
        this.segment = segment;
        this.buffer = segment.buffer();
        this.fleetSize = fleetSize;
        this.selfNode = selfNode;
        this.laneCount = spec.topology().laneCount(fleetSize);
        this.capacity = spec.capacity();
        this.payloadCapacity = spec.payloadCapacity();
        this.liveness = liveness;
        this.pendingBoundNs = pendingBoundNs;
        this.slots = new RingSlots(buffer, spec, fleetSize, laneCount);
        this.gate = new LaneGate("ring KIND " + spec.kind() + " of fleet " + fleet
            + (readOnly ? " (a read-only inspection)" : " (node " + selfNode + ")"));
        this.notifier = new RingNotifier(buffer, spec.notifyMode());
        this.waiter = new RingWaiter(buffer, !readOnly);
        this.writer = spec.topology() == Topology.PER_NODE
            ? new PerNodeLaneWriter(slots, gate, selfNode, notifier, new ForeignWriterCheck(this))
            : new SharedLaneWriter(slots, gate, selfNode, notifier, liveness, pendingBoundNs, writerStats);
        this.reader = new SlotReader(slots);
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
        return new Ring(fleet, spec, segment, fleetSize, selfNode, liveness, TimeUnit.MILLISECONDS.toNanos(pendingBoundMs), false);
    }

    /**
     * A reader over an existing segment mapped read-only (inspection tools): the spec comes from the
     * segment's header, which is checked as an attach checks it. Only read paths (heads, reads,
     * cursors) may be used; publishing or resetting faults on a read-only mapping.
     *
     * @param segment  the ring segment, typically from {@link io.orbit.runtime.segment.ReadOnlySegments}.
     * @param fleet    fleet name, for messages.
     * @param liveness node liveness, used to classify SHARED slots left mid-write.
     * @return the reader.
     * @throws io.orbit.runtime.exceptions.SegmentLayoutException when the header is not a ready ring header.
     */
    public static Ring inspect(final Segment segment, final String fleet, final NodeLiveness liveness)
    {
        final AtomicBuffer header = segment.buffer();
        final String location = segment.location();
        if (header.capacity() < HEADER_LENGTH || header.getIntAcquire(MAGIC_OFFSET) != MAGIC) // acquire: pairs with the creator's release of the magic
        {
            throw new SegmentLayoutException("segment " + location + " (fleet " + fleet + ") is not a ready ring segment");
        }
        final int topologyCode = header.getByte(TOPOLOGY_OFFSET) & 0xFF;
        final int laneCount = header.getShort(LANE_COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final Topology topology = topologyCode == Topology.PER_NODE.code() ? Topology.PER_NODE : Topology.SHARED;
        final RingSpec spec;
        try
        {
            spec = new RingSpec(header.getByte(KIND_OFFSET) & 0xFF, (int)header.getLong(CAPACITY_OFFSET, ByteOrder.LITTLE_ENDIAN),
                header.getInt(PAYLOAD_CAPACITY_OFFSET, ByteOrder.LITTLE_ENDIAN), topology,
                header.getLong(LAYOUT_FINGERPRINT_OFFSET, ByteOrder.LITTLE_ENDIAN));
        }
        catch (final RuntimeException ex)
        {
            throw new SegmentLayoutException("segment " + location + " (fleet " + fleet + "): " + ex.getMessage());
        }
        final int fleetSize = topology == Topology.PER_NODE ? laneCount : NetId64.MAX_NODE;
        new RingSegmentFormat(fleet, spec, laneCount).validate(header, header.capacity(), location);
        final Ring ring = new Ring(fleet, spec, segment, fleetSize, 0, liveness, TimeUnit.MILLISECONDS.toNanos(OrbitProperties.DEFAULT_PENDING_BOUND_MS), true);
        ring.gate.close(0); // the mapping is read-only: every write through this handle throws instead of faulting
        return ring;
    }

    /**
     * @return the ring's spec.
     */
    public RingSpec spec()
    {
        return spec;
    }

    /**
     * @return the name of the fleet this ring belongs to.
     */
    public String fleetName()
    {
        return fleet;
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
        return writer.writeLane;
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
        checkWrite(frameKind);
        checkLength(length);
        return writer.publish(frameKind, version, source, offset, length);
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
        gate.checkOpen("open an exclusive publisher");
        writer.acquireExclusive();
        return new ExclusivePublisher(this);
    }

    /** Publish by the exclusive publisher: the lane is already held (PER_NODE). */
    long publishHeld(final int frameKind, final long version, final DirectBuffer source, final int offset, final int length)
    {
        checkWrite(frameKind);
        checkLength(length);
        return writer.publishHeld(frameKind, version, source, offset, length);
    }

    void releaseExclusive()
    {
        writer.releaseExclusive();
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
        checkWrite(frameKind);
        checkLength(length);
        return writer.publish(frameKind, version, length, encoder, value);
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
        checkWrite(frameKind);
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
        writer.publishBatch(frameKind, version, payloads, ids);
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
        gate.checkOpen("open a lane replicator");
        return new LaneReplicator(this, buffer, lease);
    }

    /** The closed check and frame kind rule of every write, for writers outside this class (replicators). */
    void checkWritable(final int frameKind)
    {
        checkWrite(frameKind);
    }

    /**
     * @return the next value of the fleet-wide version sequence of this ring (first value 1).
     */
    public long nextVersion()
    {
        gate.checkOpen("take the next version");
        return buffer.getAndAddLong(VERSION_COUNTER_OFFSET, 1) + 1;
    }

    /**
     * @return the last value handed out by {@link #nextVersion()}, 0 if none.
     */
    public long currentVersion()
    {
        return buffer.getLongVolatile(VERSION_COUNTER_OFFSET);
    }

    /** The closed check and the frame kind rule at the top of every public write: one opaque load, no allocation. */
    private void checkWrite(final int frameKind)
    {
        if (gate.isClosed())
        {
            throw gate.closedException("publish");
        }
        if ((frameKind & ~Arguments.MAX_FRAME_KIND) != 0)
        {
            Arguments.frameKind(frameKind, gate.description());
        }
    }

    private void checkLength(final int length)
    {
        if (length > payloadCapacity || length < 0)
        {
            throw new PayloadTooLargeException("payload of " + length + " bytes exceeds the payload capacity "
                + payloadCapacity + " of ring KIND " + spec.kind() + " in fleet " + fleet + " (" + segment.location() + ")");
        }
    }

    // ----------------------------------------------------------------------------------------- read

    /**
     * @return the head of this handle's write lane: the next counter to be written there.
     */
    public long head()
    {
        return head(writer.writeLane);
    }

    /**
     * @param lane lane index.
     * @return that lane's head: for PER_NODE the count of committed frames, for SHARED the count of
     *         claimed counters.
     */
    public long head(final int lane)
    {
        checkLane(lane);
        return reader.head(lane);
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
        return reader.read(lane, counter, into, true) == SlotReader.READY && into.id() == id;
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
        return counter >= 0 && reader.read(lane, counter, into, true) == SlotReader.READY;
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
        checkLane(lane);
        return reader.readLaneHead(lane, into, true);
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
        return reader.readHead(into);
    }

    /**
     * @return the newest committed frame of the ring (allocates).
     */
    public Optional<Frame> readHead()
    {
        final FrameView view = newFrameView();
        return readHead(view) ? Optional.of(view.toFrame()) : Optional.empty();
    }

    /** Whether the id in a counter's slot names a writer whose node is no longer alive. */
    boolean writerOfSlotIsDead(final int lane, final long counter)
    {
        final long id = reader.slotId(lane, counter);
        return slots.ownsSlot(id, counter) && !liveness.isAlive(NetId64.node(id));
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
        return RingCursor.fromStart(this);
    }

    /**
     * @return a cursor at every lane's current head (reads only frames published from now on).
     */
    public RingCursor cursorAtHead()
    {
        return RingCursor.atHead(this);
    }

    /**
     * @param counter first counter to read in every lane.
     * @return a cursor at that counter.
     */
    public RingCursor cursorFromCounter(final long counter)
    {
        if (counter < 0)
        {
            throw new InvalidArgumentException("cursor counter must be >= 0, was " + counter + " (" + gate.description() + ")");
        }
        return RingCursor.fromCounter(this, counter);
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
        writer.lockWriteLane();
        try
        {
            final int start = slots.slotsOffset;
            buffer.setMemory(start, (int)(RingLayout.segmentLength(laneCount, capacity, slots.stride) - start), (byte)0);
            for (int lane = 0; lane < laneCount; lane++)
            {
                buffer.putLongRelease(RingSlots.headOffset(lane), 0);
            }
            buffer.putLongRelease(VERSION_COUNTER_OFFSET, 0);
            buffer.getAndAddLong(RESET_GENERATION_OFFSET, 1); // published after the zeroing: a cursor that sees it sees empty lanes
            LOG.log(System.Logger.Level.INFO, () -> "reset ring KIND " + spec.kind() + " of fleet " + fleet + " (" + segment.location() + ")");
        }
        finally
        {
            writer.unlockWriteLane();
        }
    }

    /**
     * Gives up this handle's use of the segment; the segment stays for other processes. Every later
     * write through this handle (and its exclusive publisher) throws
     * {@link io.orbit.runtime.exceptions.FleetClosedException}; a PER_NODE write in progress is
     * waited for (at most the pending bound), so none lands after the fleet gives its node up.
     */
    public void close()
    {
        gate.close(pendingBoundNs);
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
        return gate.isClosed();
    }

    /** After a commit made outside the publish paths (lane replication): wakes waiters as a publish does. */
    void notifyPublished()
    {
        notifier.published();
    }

    /** Waits for a cursor of this ring; refused on a ring whose publishers never notify. */
    boolean await(final RingWaiter.Readiness readiness, final long timeoutNs)
    {
        if (notifier.mode() == Notify.NONE && !readOnly)
        {
            throw new NotifyDisabledException("ring KIND " + spec.kind() + " of fleet " + fleet + " (" + segment.location()
                + ") does not notify, so a blocked subscriber would never be woken: declare it with "
                + "RingSpec.withNotify(Notify.WAITERS) in every process, or poll with an IdleStrategy");
        }
        return waiter.await(readiness, timeoutNs);
    }

    // ------------------------------------------------------------------- package-private seam

    /** The ring's memory geometry (also the seam tests and jcstress use to reach raw slots). */
    RingSlots slots()
    {
        return slots;
    }

    /** The write protocol chosen at open. */
    LaneWriter writer()
    {
        return writer;
    }

    /** The seqlock reader shared with this ring's cursors. */
    SlotReader reader()
    {
        return reader;
    }

    // -------------------------------------------------------------------------------------- helpers

    private void checkLane(final int lane)
    {
        if (lane < 0 || lane >= laneCount)
        {
            throw new InvalidArgumentException("lane " + lane + " is outside 0.." + (laneCount - 1) + " of ring KIND "
                + spec.kind() + " in fleet " + fleet);
        }
    }

    @Override
    public String toString()
    {
        return "Ring{fleet=" + fleet + ", " + spec + ", lanes=" + laneCount + ", node=" + selfNode + ", " + segment.location() + "}";
    }
}
