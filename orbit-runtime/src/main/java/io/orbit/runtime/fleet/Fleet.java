package io.orbit.runtime.fleet;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.FleetClosedException;
import io.orbit.runtime.exceptions.InvalidFleetSizeException;
import io.orbit.runtime.exceptions.NodeOutsideFleetException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.ring.NodeLease;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.segment.MappedFileStore;
import io.orbit.runtime.segment.OwnedFiles;
import io.orbit.runtime.segment.Segment;
import io.orbit.runtime.segment.SegmentFormat;
import io.orbit.runtime.segment.SegmentStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * This process's handle into a named group of sibling processes: a name, a size (node slots), this
 * process's node, and one ring per KIND, opened on first use.
 *
 * <p>{@link #join}/{@link #joinAs} give process-local fleets (in-memory segments shared by the
 * handles of one name in this process, no files). {@link #joinShm}/{@link #joinShmAs} give
 * shared-memory fleets: segments are files in {@code /dev/shm} (or {@code -Dorbit.shm.dir}), and the
 * handle leases its node for its whole life, so one live process writes each node's lane.
 *
 * <p>Thread-safe. Closing frees this handle's node lease and drops its rings; it never deletes
 * segments ({@link #removeSegments(String)} does, when no node is alive).
 */
public final class Fleet implements AutoCloseable
{
    /** Largest fleet size: node ids are 16 bits. */
    public static final int MAX_SIZE = 65_535;

    private final String name;
    private final int size;
    private final int node;
    private final boolean shm;
    private final SegmentStore store;
    private final NodeLeases leases;
    private final NodeLeases.Lease lease;
    private final Runnable onClose;
    private final RingRegistry rings;
    private final List<Segment> tables = new ArrayList<>();
    private final List<NodeLease> extraLeases = new ArrayList<>();
    private final long pendingBoundMs;
    private final OrbitClock clock;
    /** Written once under the monitor; read without it by {@link #isClosed()} (volatile: visible at once). */
    private volatile boolean closed;

    private Fleet(
        final String name,
        final int size,
        final int node,
        final boolean shm,
        final SegmentStore store,
        final NodeLeases leases,
        final Runnable onClose,
        final Duration pendingBound,
        final OrbitClock clock)
    {
        this.name = name;
        this.pendingBoundMs = pendingBound.toMillis();
        this.clock = clock;
        this.size = size;
        this.node = node;
        this.shm = shm;
        this.store = store;
        this.leases = leases;
        this.onClose = onClose;
        this.rings = new RingRegistry(name);
        try
        {
            this.lease = leases.acquire(node);
        }
        catch (final RuntimeException ex)
        {
            onClose.run();
            throw ex;
        }
    }

    /**
     * A fleet's configuration, with its defaults read from the system properties now.
     *
     * @param name fleet name, 1-32 characters of {@code [A-Za-z0-9_.]}.
     * @param size number of nodes, 1-65535.
     * @return the context; finish with {@link FleetContext#joinShm()} or {@link FleetContext#join()}.
     */
    public static FleetContext builder(final String name, final int size)
    {
        return new FleetContext(name, size);
    }

    static Fleet joinLocal(final FleetContext context)
    {
        validate(context.name(), context.size(), context.node());
        final LocalFleets.State state = LocalFleets.acquire(context.name());
        return new Fleet(context.name(), context.size(), context.node(), false, state.store(), state,
            () -> LocalFleets.release(state), context.pendingBound(), context.clock());
    }

    static Fleet joinShm(final FleetContext context)
    {
        validate(context.name(), context.size(), context.node());
        OwnedFiles.checkDirectory(context.directory(), "fleet " + context.name());
        final MappedFileStore store = new MappedFileStore(context.directory(), context.attachTimeout().toMillis());
        return new Fleet(context.name(), context.size(), context.node(), true, store,
            new FileNodeLeases(context.name(), context.directory()), () -> { }, context.pendingBound(), context.clock());
    }

    /**
     * Joins a process-local fleet as node 0.
     *
     * @param name fleet name, 1-32 characters of {@code [A-Za-z0-9_.]}.
     * @param size number of nodes, 1-65535.
     * @return the handle.
     */
    public static Fleet join(final String name, final int size)
    {
        return joinAs(name, size, 0);
    }

    /**
     * Joins a process-local fleet as the given node.
     *
     * @param name fleet name.
     * @param size number of nodes.
     * @param node this handle's node, {@code 0 .. size-1}, not held by another handle.
     * @return the handle.
     */
    public static Fleet joinAs(final String name, final int size, final int node)
    {
        return builder(name, size).node(node).join();
    }

    /**
     * Joins a shared-memory fleet as node 0.
     *
     * @param name fleet name.
     * @param size number of nodes.
     * @return the handle, holding node 0's lease.
     */
    public static Fleet joinShm(final String name, final int size)
    {
        return joinShmAs(name, size, 0);
    }

    /**
     * Joins a shared-memory fleet as the given node, in the directory named by {@code orbit.shm.dir}
     * (default {@code /dev/shm}).
     *
     * @param name fleet name.
     * @param size number of nodes.
     * @param node this process's node; its lease is held until {@link #close()}.
     * @return the handle.
     * @throws io.orbit.runtime.exceptions.NodeInUseException when another live process holds the node.
     */
    public static Fleet joinShmAs(final String name, final int size, final int node)
    {
        return joinShmAs(name, size, node, OrbitProperties.directory());
    }

    /**
     * Joins a shared-memory fleet as the given node, with its segments in the given directory.
     *
     * @param name      fleet name.
     * @param size      number of nodes.
     * @param node      this process's node.
     * @param directory directory of the fleet's segments and lease files.
     * @return the handle.
     */
    public static Fleet joinShmAs(final String name, final int size, final int node, final Path directory)
    {
        return builder(name, size).node(node).directory(directory).joinShm();
    }

    private static void validate(final String name, final int size, final int node)
    {
        RuntimeCheck.ensure();
        FleetName.validate(name);
        if (size < 1 || size > MAX_SIZE)
        {
            throw new InvalidFleetSizeException("fleet " + name + ": size must be 1.." + MAX_SIZE
                + " (node ids are 16 bits), was " + size);
        }
        if (node < 0 || node >= size)
        {
            throw new NodeOutsideFleetException("fleet " + name + ": node " + node + " is outside 0.." + (size - 1));
        }
    }

    /**
     * @return the fleet name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return how long a live process's claimed-but-unfinished slot is waited for before it is given
     *         up (SHARED rings, and the default of every contest of this fleet); see
     *         {@link FleetContext#pendingBound(Duration)}.
     */
    public Duration pendingBound()
    {
        return Duration.ofMillis(pendingBoundMs);
    }

    /**
     * @return the clock substrates opened on this fleet use unless their builder names another.
     */
    public OrbitClock clock()
    {
        return clock;
    }

    /**
     * @return the number of node slots.
     */
    public int size()
    {
        return size;
    }

    /**
     * @return this handle's node.
     */
    public int node()
    {
        return node;
    }

    /**
     * @return true for a shared-memory fleet, false for a process-local one.
     */
    public boolean isShm()
    {
        return shm;
    }

    /**
     * The ring of a KIND, opened (created or attached) on first use.
     *
     * @param spec the ring's spec.
     * @return the ring.
     * @throws io.orbit.runtime.exceptions.KindConflictException when the KIND is already open with another spec.
     * @throws io.orbit.runtime.exceptions.SegmentLayoutException when the segment exists with another layout.
     */
    public Ring ring(final RingSpec spec)
    {
        return ring(spec, null);
    }

    /**
     * The ring of a KIND for a typed claimant (a generated codec's record type), opened on first use.
     *
     * @param spec     the ring's spec.
     * @param claimant the type stored in the ring, named in conflict messages; null for untyped use.
     * @return the ring.
     * @throws io.orbit.runtime.exceptions.KindConflictException when another type or spec already holds the KIND.
     */
    public Ring ring(final RingSpec spec, final Class<?> claimant)
    {
        checkOpen();
        final Ring ring = rings.ring(spec, claimant, () -> Ring.open(
            store, SegmentNames.segment(name, spec.kind()), name, spec, size, node, leases, pendingBoundMs));
        if (closed)
        {
            // close() ran meanwhile; its closeAll may have missed this ring: never hand out a writable ring.
            ring.close();
            throw closedException("open a ring");
        }
        return ring;
    }

    /**
     * Opens (creates or attaches) a fleet table segment, such as the contest or heartbeat table of a
     * reserved KIND. The segment is released when the fleet closes.
     *
     * @param kind   the table's reserved KIND.
     * @param format the table's layout.
     * @return the opened segment.
     */
    public synchronized Segment table(final int kind, final SegmentFormat format)
    {
        checkOpen();
        final Segment segment = store.open(SegmentNames.segment(name, kind), format);
        tables.add(segment);
        return segment;
    }

    /**
     * Holds the lease of another node of the fleet from this process, in addition to this handle's
     * own node: no other process can join as that node while it is held, and every reader sees the
     * node alive. For replicators (a bridge holding the nodes of another host); ordinary processes
     * join as their one node. The lease is freed by its {@code close()} or by this handle's close.
     *
     * @param node a node of the fleet other than those this process already holds.
     * @return the held lease.
     * @throws io.orbit.runtime.exceptions.NodeInUseException when another process, or this one, holds the node.
     */
    public synchronized NodeLease leaseNode(final int node)
    {
        checkOpen();
        if (node < 0 || node >= size)
        {
            throw new NodeOutsideFleetException("fleet " + name + ": node " + node + " is outside 0.." + (size - 1));
        }
        final HeldNodeLease held = new HeldNodeLease(node, leases.acquire(node));
        extraLeases.removeIf(released -> !released.isHeld()); // a bridge re-leases flapping nodes: keep the list short
        extraLeases.add(held);
        return held;
    }

    /**
     * Liveness of a node: true while some live process (or, for process-local fleets, some open
     * handle) holds its lease. Never probes a lease this process holds.
     *
     * @param node node id.
     * @return true when the node is alive.
     */
    public boolean isNodeAlive(final int node)
    {
        if (node < 0 || node >= size)
        {
            throw new NodeOutsideFleetException("fleet " + name + ": node " + node + " is outside 0.." + (size - 1));
        }
        return leases.isAlive(node);
    }

    /**
     * @param node node id.
     * @return the pid recorded by the node's last lease holder, or -1 (process-local fleets: this pid while held).
     */
    public long nodePid(final int node)
    {
        if (leases instanceof FileNodeLeases files)
        {
            return files.recordedPid(node);
        }
        return leases.isAlive(node) ? ProcessHandle.current().pid() : -1;
    }

    /**
     * Frees this handle's node lease and drops its rings and tables; no new ring can be opened.
     * Rings still held by the caller stay mapped (the garbage collector unmaps them), so late use
     * never faults, but writes through them are no longer protected by the lease. Idempotent.
     */
    @Override
    public void close()
    {
        synchronized (this)
        {
            if (closed)
            {
                return;
            }
            closed = true;
            tables.forEach(Segment::close);
            tables.clear();
            extraLeases.forEach(NodeLease::close);
            extraLeases.clear();
        }
        rings.closeAll();
        lease.close();
        onClose.run();
    }

    /**
     * Removes every segment and lease file of a shared-memory fleet from the default directory.
     *
     * @param name fleet name.
     * @return the number of files removed.
     * @throws OrbitException while any node of the fleet is alive.
     */
    public static int removeSegments(final String name)
    {
        return removeSegments(name, OrbitProperties.directory());
    }

    /**
     * Removes every segment and lease file of a shared-memory fleet from a directory. Refused while
     * any node of the fleet holds its lease: removing files under live processes splits the fleet.
     *
     * @param name      fleet name.
     * @param directory the fleet's directory.
     * @return the number of files removed.
     */
    public static int removeSegments(final String name, final Path directory)
    {
        return FleetFiles.remove(name, directory);
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw closedException("open a ring or table");
        }
    }

    /**
     * @return true once {@link #close()} has begun: every later write through this handle, its rings
     *         and its substrates throws {@link FleetClosedException}.
     */
    public boolean isClosed()
    {
        return closed;
    }

    /**
     * @param action what was asked, e.g. {@code "claim"}.
     * @return the exception for an action on this closed handle, naming the fleet and node.
     */
    public FleetClosedException closedException(final String action)
    {
        return new FleetClosedException("cannot " + action + ": fleet " + name + " (node " + node + ") is closed; its node may "
            + "already belong to another process, so a closed handle never writes again. Join the fleet again for a new handle");
    }

    /** A lease held through {@link #leaseNode(int)}. */
    private static final class HeldNodeLease implements NodeLease
    {
        private final int node;
        private final NodeLeases.Lease lease;
        private volatile boolean held = true;

        HeldNodeLease(final int node, final NodeLeases.Lease lease)
        {
            this.node = node;
            this.lease = lease;
        }

        @Override
        public int node()
        {
            return node;
        }

        @Override
        public boolean isHeld()
        {
            return held;
        }

        @Override
        public synchronized void close()
        {
            if (held)
            {
                held = false;
                lease.close();
            }
        }

        @Override
        public String toString()
        {
            return "NodeLease{node=" + node + ", held=" + held + "}";
        }
    }

    @Override
    public String toString()
    {
        return "Fleet{name=" + name + ", size=" + size + ", node=" + node + ", " + (shm ? "shm" : "local") + "}";
    }
}
