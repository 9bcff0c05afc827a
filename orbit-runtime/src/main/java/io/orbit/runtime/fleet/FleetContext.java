package io.orbit.runtime.fleet;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.Arguments;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The one configuration of a fleet handle, as Aeron's {@code Context}: node, segment directory,
 * attach timeout, pending bound and the clock every substrate of the fleet uses by default. The
 * defaults are read from the system properties once, when {@link Fleet#builder(String, int)} makes
 * the context, through {@link OrbitProperties}, the only code in the runtime that reads a system
 * property. Every property the runtime reads, with its default:
 * <ul>
 *   <li>{@value OrbitProperties#DIRECTORY_PROPERTY} (default {@value OrbitProperties#DEFAULT_DIRECTORY}):
 *       {@link #directory(Path)};</li>
 *   <li>{@value OrbitProperties#ATTACH_TIMEOUT_PROPERTY} (default
 *       {@value OrbitProperties#DEFAULT_ATTACH_TIMEOUT_MS} ms): {@link #attachTimeout(Duration)};</li>
 *   <li>{@value OrbitProperties#PENDING_BOUND_PROPERTY} (default
 *       {@value OrbitProperties#DEFAULT_PENDING_BOUND_MS} ms): {@link #pendingBound(Duration)};</li>
 *   <li>process-wide switches, not part of a context: {@value OrbitProperties#FUTEX_PROPERTY}
 *       (default true), {@value OrbitProperties#NOTIFY_ALWAYS_PROPERTY} (default false),
 *       {@value OrbitProperties#FAIL_ON_FOREIGN_WRITER_PROPERTY} (default false); see
 *       {@link OrbitProperties}.</li>
 * </ul>
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.builder("prices", 4).node(2).pendingBound(Duration.ofMillis(200)).joinShm()) { ... }
 * }</pre>
 *
 * <p>Not thread-safe; configure, then join.
 */
public final class FleetContext
{
    private final String name;
    private final int size;
    private int node;
    private Path directory;
    private Duration attachTimeout;
    private Duration pendingBound;
    private OrbitClock clock = OrbitClock.system();

    FleetContext(final String name, final int size)
    {
        this.name = name;
        this.size = size;
        this.directory = OrbitProperties.directory();
        this.attachTimeout = OrbitProperties.attachTimeout();
        this.pendingBound = OrbitProperties.pendingBound();
    }

    /**
     * @param node this handle's node, {@code 0 .. size-1} (default 0).
     * @return this context.
     */
    public FleetContext node(final int node)
    {
        this.node = node;
        return this;
    }

    /**
     * @param directory directory of the fleet's segments and lease files (default {@code orbit.shm.dir}, else /dev/shm).
     * @return this context.
     */
    public FleetContext directory(final Path directory)
    {
        this.directory = Arguments.notNull(directory, "directory", "fleet " + name);
        return this;
    }

    /**
     * @param attachTimeout how long to wait for a segment another process is creating (default
     *                      {@code orbit.shm.attachTimeoutMs}); positive.
     * @return this context.
     */
    public FleetContext attachTimeout(final Duration attachTimeout)
    {
        this.attachTimeout = Arguments.positive(attachTimeout, "attach timeout", "fleet " + name);
        return this;
    }

    /**
     * @param pendingBound how long a live process's claimed-but-unfinished slot is waited for (SHARED
     *                     rings, and the default of every contest); positive (default
     *                     {@code orbit.ring.pendingBoundMs}, else 1 s).
     * @return this context.
     */
    public FleetContext pendingBound(final Duration pendingBound)
    {
        this.pendingBound = Arguments.positive(pendingBound, "pending bound", "fleet " + name);
        return this;
    }

    /**
     * @param clock the clock substrates opened on this fleet use unless their builder names another
     *              (default the system clock).
     * @return this context.
     */
    public FleetContext clock(final OrbitClock clock)
    {
        this.clock = Arguments.notNull(clock, "clock", "fleet " + name);
        return this;
    }

    /**
     * Joins the shared-memory fleet in {@link #directory(Path)} as {@link #node(int)}.
     *
     * @return the handle, holding the node's lease until closed.
     * @throws io.orbit.runtime.exceptions.NodeInUseException when another live process holds the node.
     */
    public Fleet joinShm()
    {
        return Fleet.joinShm(this);
    }

    /**
     * Joins the process-local fleet of this name as {@link #node(int)} (the directory and attach
     * timeout do not apply).
     *
     * @return the handle.
     */
    public Fleet join()
    {
        return Fleet.joinLocal(this);
    }

    String name()
    {
        return name;
    }

    int size()
    {
        return size;
    }

    int node()
    {
        return node;
    }

    Path directory()
    {
        return directory;
    }

    Duration attachTimeout()
    {
        return attachTimeout;
    }

    Duration pendingBound()
    {
        return pendingBound;
    }

    OrbitClock clock()
    {
        return clock;
    }

}
