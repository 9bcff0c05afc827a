package io.orbit.runtime.heartbeat;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.exceptions.Arguments;
import io.orbit.runtime.exceptions.LeaseLostException;
import io.orbit.runtime.exceptions.NodeOutsideFleetException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.NodeLease;
import io.orbit.runtime.ring.NodeLiveness;
import io.orbit.runtime.segment.Backoff;
import io.orbit.runtime.segment.Segment;
import org.agrona.concurrent.AtomicBuffer;

import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import static io.orbit.runtime.heartbeat.HeartbeatTableLayout.*;

/**
 * Fleet liveness (docs/spec.md §6.5) over the heartbeat table of KIND {@value #KIND}: one fixed 64-byte slot
 * per node ({@link HeartbeatTableLayout}), so a chatty node can never push another node's heartbeat
 * out (orbit-rs kept heartbeats in a ring, where it could).
 *
 * <p>{@link #beat()} updates this process's own slot under a seqlock (allocation-free). Only the
 * holder of a node's lease writes its slot, so every slot has one writer process; threads of that
 * process are serialised by a lock per fleet handle. {@link #snapshot(Duration)} reads every slot
 * (retrying torn reads, bounded) and combines it with lease liveness ({@link Fleet#isNodeAlive}):
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>Slot</th><th>Lease</th><th>Last beat</th><th>State</th></tr>
 *   <tr><td>never beaten</td><td>any</td><td>-</td><td>MISSING</td></tr>
 *   <tr><td>beaten</td><td>free</td><td>any</td><td>DEAD</td></tr>
 *   <tr><td>beaten</td><td>held</td><td>age &lt;= maxAge</td><td>LIVE</td></tr>
 *   <tr><td>beaten</td><td>held</td><td>age &gt; maxAge</td><td>STALE</td></tr>
 * </table>
 *
 * <p>Ages use the injected clock's monotonic nanoseconds; on Linux {@link System#nanoTime()} reads
 * {@code CLOCK_MONOTONIC}, which every process of the host shares. Heartbeat is a signal, not supervision.
 *
 * <pre>{@code
 * FleetHeartbeat heartbeat = FleetHeartbeat.of(fleet);
 * heartbeat.beat();                                    // from the node's work loop, e.g. every 100 ms
 * HeartbeatSnapshot snapshot = heartbeat.snapshot(Duration.ofMillis(500));
 * List<Integer> dead = snapshot.nodesIn(NodeState.DEAD);
 * }</pre>
 *
 * <p>Beating after the fleet handle is closed is a misuse: the node's lease is gone, and another
 * process may hold it (and write the slot) by then.
 */
public final class FleetHeartbeat
{
    /** The heartbeat table's reserved KIND (claimed by {@code orbit_kinds.K221_io_orbit_runtime_heartbeat_FleetHeartbeat}). */
    public static final int KIND = 221;

    /** Torn reads are retried this often before the slot is read as it stands. */
    static final int READ_ATTEMPTS = 64;
    /** Torn-read retries: 32 spins, then yields (at most READ_ATTEMPTS in all, so never a park). */
    private static final Backoff BACKOFF = new Backoff(32, Integer.MAX_VALUE, 0);

    /** One write lock per fleet handle, so several FleetHeartbeat instances of one node never interleave beats. */
    private static final Map<Fleet, Object> WRITE_LOCKS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final long PID = ProcessHandle.current().pid();
    private static final long START_TIME_MS =
        ProcessHandle.current().info().startInstant().map(instant -> instant.toEpochMilli()).orElse(0L);

    private final Fleet fleet;
    private final Segment segment;
    private final AtomicBuffer buffer;
    private final OrbitClock clock;
    private final int size;
    private final int selfSlot;
    private final Object writeLock;

    private FleetHeartbeat(final Fleet fleet, final Segment segment, final OrbitClock clock)
    {
        this.fleet = fleet;
        this.segment = segment;
        this.buffer = segment.buffer();
        this.clock = clock;
        this.size = fleet.size();
        this.selfSlot = slotOffset(fleet.node());
        this.writeLock = WRITE_LOCKS.computeIfAbsent(fleet, key -> new Object());
    }

    /**
     * Opens (creates or attaches to) the fleet's heartbeat table, with the fleet's clock.
     *
     * @param fleet the fleet.
     * @return the heartbeat.
     * @throws io.orbit.runtime.exceptions.SegmentLayoutException when the table exists with another layout (for
     *                                                 example another fleet size).
     */
    public static FleetHeartbeat open(final Fleet fleet)
    {
        return builder(fleet).open();
    }

    /**
     * @param fleet the fleet.
     * @return a builder for a heartbeat with another clock.
     */
    public static Builder builder(final Fleet fleet)
    {
        return new Builder(Arguments.notNull(fleet, "fleet", "heartbeat (KIND " + KIND + ")"));
    }

    /**
     * @param fleet the fleet.
     * @return the heartbeat.
     * @deprecated use {@link #open(Fleet)}.
     */
    @Deprecated
    public static FleetHeartbeat of(final Fleet fleet)
    {
        return open(fleet);
    }

    /**
     * @param fleet the fleet.
     * @param clock source of beat times and of "now" in snapshots.
     * @return the heartbeat.
     * @deprecated use {@code FleetHeartbeat.builder(fleet).clock(clock).open()}.
     */
    @Deprecated
    public static FleetHeartbeat of(final Fleet fleet, final OrbitClock clock)
    {
        return builder(fleet).clock(clock).open();
    }

    /**
     * @return the node this handle beats for.
     */
    public int node()
    {
        return fleet.node();
    }

    /**
     * @return the table's file (shared memory) or {@code local:} name.
     */
    public String location()
    {
        return segment.location();
    }

    /**
     * Records one beat in this node's slot: beat count, monotonic time, and (when another process
     * beat last) pid, start time and a new incarnation. Allocation-free.
     *
     * @return the slot's beat count after this beat.
     */
    public long beat()
    {
        synchronized (writeLock)
        {
            if (fleet.isClosed())
            {
                throw fleet.closedException("beat");
            }
            final int slot = selfSlot;
            // Plain read: only this process writes this slot (node lease), and only under the write lock.
            final long stamp = buffer.getLong(slot + STAMP_OFFSET);
            // Odd while writing; a predecessor that died mid-beat left it odd already, and we continue from there.
            final long writing = stamp | 1;
            buffer.putLongOpaque(slot + STAMP_OFFSET, writing);
            VarHandle.storeStoreFence(); // the odd stamp is visible before any field of the slot changes
            final long beats = buffer.getLong(slot + BEATS_OFFSET) + 1;
            buffer.putLong(slot + BEATS_OFFSET, beats);
            buffer.putLong(slot + LAST_BEAT_OFFSET, clock.monotonicNanos());
            // Another process (pid, start time) beat last: this is a new incarnation of the node.
            if (buffer.getLong(slot + PID_OFFSET) != PID || buffer.getLong(slot + START_TIME_OFFSET) != START_TIME_MS)
            {
                buffer.putLong(slot + INCARNATION_OFFSET, buffer.getLong(slot + INCARNATION_OFFSET) + 1);
                buffer.putLong(slot + PID_OFFSET, PID);
                buffer.putLong(slot + START_TIME_OFFSET, START_TIME_MS);
            }
            final long committed = writing + 1 == 0 ? 2 : writing + 1; // never 0, which means "never beaten"
            buffer.putLongRelease(slot + STAMP_OFFSET, committed); // fields happen-before the even stamp
            return beats;
        }
    }

    /**
     * Writes another host's view of a node into that node's slot, with the seqlock {@link #beat()}
     * uses, for a bridge that holds the node's lease ({@code Fleet.leaseNode}). The fields are
     * copied as given, so pid, start time and incarnation still name the remote process; the caller
     * translates the beat time into this host's monotonic clock (now minus the remote age), because
     * monotonic clocks of two hosts do not compare.
     *
     * @param lease         the held lease of the node.
     * @param beats         the node's beat count.
     * @param lastBeatNanos the node's last beat, in this host's monotonic clock.
     * @param pid           pid of the remote process that beat last.
     * @param startTimeMs   its start time, ms since the Unix epoch.
     * @param incarnation   its incarnation count.
     * @throws LeaseLostException when the lease has been freed.
     */
    public void replicate(
        final NodeLease lease, final long beats, final long lastBeatNanos, final long pid, final long startTimeMs, final long incarnation)
    {
        if (!lease.isHeld())
        {
            throw new LeaseLostException("heartbeat of node " + lease.node() + " in fleet " + fleet.name()
                + ": cannot replicate, the node's lease was freed (" + segment.location() + ")");
        }
        synchronized (writeLock)
        {
            final int slot = slotOffset(lease.node());
            final long writing = buffer.getLong(slot + STAMP_OFFSET) | 1; // plain: the lease makes this process the slot's one writer
            buffer.putLongOpaque(slot + STAMP_OFFSET, writing);
            VarHandle.storeStoreFence(); // the odd stamp is visible before any field of the slot changes
            buffer.putLong(slot + BEATS_OFFSET, beats);
            buffer.putLong(slot + LAST_BEAT_OFFSET, lastBeatNanos);
            buffer.putLong(slot + PID_OFFSET, pid);
            buffer.putLong(slot + START_TIME_OFFSET, startTimeMs);
            buffer.putLong(slot + INCARNATION_OFFSET, incarnation);
            buffer.putLongRelease(slot + STAMP_OFFSET, writing + 1 == 0 ? 2 : writing + 1); // fields happen-before the even stamp
        }
    }

    /**
     * @return the clock of this handle (the bridge translates remote ages with it).
     */
    public OrbitClock clock()
    {
        return clock;
    }

    /**
     * Reads every node's heartbeat.
     *
     * @param maxAge age up to which a beating node with a held lease is LIVE (inclusive).
     * @return one entry per node, in node order.
     * @throws io.orbit.runtime.exceptions.InvalidArgumentException when {@code maxAge} is null, zero or negative.
     */
    public HeartbeatSnapshot snapshot(final Duration maxAge)
    {
        final long maxAgeNanos = maxAgeNanos(maxAge);
        final long now = clock.monotonicNanos();
        final List<NodeHeartbeat> nodes = new ArrayList<>(size);
        for (int node = 0; node < size; node++)
        {
            nodes.add(read(node, maxAgeNanos, now));
        }
        return new HeartbeatSnapshot(maxAge, now, nodes);
    }

    /**
     * Reads one node's heartbeat.
     *
     * @param node   a node of the fleet.
     * @param maxAge age up to which the node is LIVE.
     * @return its heartbeat.
     * @throws io.orbit.runtime.exceptions.NodeOutsideFleetException when the node is outside the fleet.
     */
    public NodeHeartbeat read(final int node, final Duration maxAge)
    {
        final long maxAgeNanos = maxAgeNanos(maxAge);
        if (node < 0 || node >= size)
        {
            throw new NodeOutsideFleetException("fleet " + fleet.name() + ": node " + node + " is outside 0.." + (size - 1)
                + " (heartbeat table KIND " + KIND + ")");
        }
        return read(node, maxAgeNanos, clock.monotonicNanos());
    }

    /**
     * The seqlock read: stamp (acquire) must be even; copy the fields; load-load fence; stamp again
     * must be unchanged. A slot that stays odd through every attempt (its writer died or was stopped
     * mid-beat) is read as it stands and reported inconsistent. Never throws, for any slot bytes.
     */
    private NodeHeartbeat read(final int node, final long maxAgeNanos, final long now)
    {
        return readSlot(buffer, node, maxAgeNanos, now, fleet::isNodeAlive);
    }

    /**
     * Reads every node of a heartbeat table without joining its fleet (inspection tools): the table
     * may be mapped read-only; the slot count comes from its header.
     *
     * @param table    the whole heartbeat table segment.
     * @param leases   liveness of the fleet's node leases.
     * @param maxAge   age up to which a beating node with a held lease is LIVE.
     * @param clock    source of "now".
     * @return one entry per slot, in node order.
     */
    public static HeartbeatSnapshot inspect(final AtomicBuffer table, final NodeLiveness leases, final Duration maxAge, final OrbitClock clock)
    {
        final long maxAgeNanos = maxAgeNanos(maxAge, "heartbeat table inspection (KIND " + KIND + ")");
        final long now = clock.monotonicNanos();
        final int slots = table.getIntAcquire(MAGIC_OFFSET) != MAGIC ? 0 // acquire: pairs with the creator's release of the magic
            : (int)Math.min(table.getInt(SLOT_COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL, (table.capacity() - HEADER_LENGTH) / SLOT_SIZE);
        final List<NodeHeartbeat> nodes = new ArrayList<>(slots);
        for (int node = 0; node < slots; node++)
        {
            nodes.add(readSlot(table, node, maxAgeNanos, now, leases));
        }
        return new HeartbeatSnapshot(maxAge, now, nodes);
    }

    private static NodeHeartbeat readSlot(
        final AtomicBuffer buffer, final int node, final long maxAgeNanos, final long now, final NodeLiveness leases)
    {
        final int slot = slotOffset(node);
        long stamp = 0;
        long beats = 0;
        long lastBeat = 0;
        long pid = 0;
        long startTime = 0;
        long incarnation = 0;
        boolean consistent = false;
        for (int attempt = 0; attempt < READ_ATTEMPTS && !consistent; attempt++)
        {
            stamp = buffer.getLongAcquire(slot + STAMP_OFFSET); // field reads below cannot move above this
            beats = buffer.getLong(slot + BEATS_OFFSET);
            lastBeat = buffer.getLong(slot + LAST_BEAT_OFFSET);
            pid = buffer.getLong(slot + PID_OFFSET);
            startTime = buffer.getLong(slot + START_TIME_OFFSET);
            incarnation = buffer.getLong(slot + INCARNATION_OFFSET);
            VarHandle.loadLoadFence(); // field reads complete before the stamp is read again
            consistent = (stamp & 1) == 0 && buffer.getLongOpaque(slot + STAMP_OFFSET) == stamp;
            if (!consistent)
            {
                BACKOFF.idle(attempt);
            }
        }
        final boolean leaseHeld = leases.isAlive(node);
        if (stamp == 0)
        {
            return new NodeHeartbeat(node, NodeState.MISSING, 0, Duration.ZERO, 0, 0, 0, leaseHeld, consistent);
        }
        final long sinceBeat = now - lastBeat; // monotonic times compare by difference
        final long ageNanos = Math.max(0, sinceBeat); // a beat "in the future" (skewed injected clocks) is age 0
        final NodeState state = !leaseHeld ? NodeState.DEAD : ageNanos <= maxAgeNanos ? NodeState.LIVE : NodeState.STALE;
        return new NodeHeartbeat(node, state, beats, Duration.ofNanos(ageNanos), pid, startTime, incarnation, leaseHeld, consistent);
    }

    private long maxAgeNanos(final Duration maxAge)
    {
        return maxAgeNanos(maxAge, "fleet " + fleet.name() + " (KIND " + KIND + ", heartbeat)");
    }

    private static long maxAgeNanos(final Duration maxAge, final String context)
    {
        Arguments.positive(maxAge, "maxAge", context);
        try
        {
            return maxAge.toNanos();
        }
        catch (final ArithmeticException tooLong)
        {
            return Long.MAX_VALUE; // beyond ~292 years: every beat is young enough
        }
    }

    @Override
    public String toString()
    {
        return "FleetHeartbeat{fleet=" + fleet.name() + ", node=" + fleet.node() + ", " + segment.location() + "}";
    }

    /**
     * Options of a heartbeat handle.
     */
    public static final class Builder
    {
        private final Fleet fleet;
        private OrbitClock clock;

        private Builder(final Fleet fleet)
        {
            this.fleet = fleet;
            this.clock = fleet.clock();
        }

        /**
         * @param clock source of beat times and of "now" in snapshots ({@link OrbitClock#monotonicNanos()});
         *              tests inject a {@link io.orbit.runtime.ManualClock}. Default the fleet's clock.
         * @return this builder.
         */
        public Builder clock(final OrbitClock clock)
        {
            this.clock = Arguments.notNull(clock, "clock", "fleet " + fleet.name() + " (KIND " + KIND + ", heartbeat)");
            return this;
        }

        /**
         * Opens (creates or attaches to) the fleet's heartbeat table.
         *
         * @return the heartbeat.
         * @throws io.orbit.runtime.exceptions.SegmentLayoutException when the table exists with another layout.
         */
        public FleetHeartbeat open()
        {
            Arguments.notNull(clock, "clock", "fleet " + fleet.name() + " (KIND " + KIND + ", heartbeat)");
            final Segment segment = fleet.table(KIND, new HeartbeatTableFormat(fleet.name(), KIND, fleet.size()));
            return new FleetHeartbeat(fleet, segment, clock);
        }
    }
}
