package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.FleetClosedException;
import io.orbit.runtime.exceptions.ReentrantPublishException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The gate of a ring handle's writes: the process-local lock of its PER_NODE write lane (0 free,
 * 1 held, cheaper than a ReentrantLock), the thread holding it (so a re-entrant publish from the
 * holder's own thread throws instead of spinning forever), and the closed flag.
 *
 * <p>Closing sets the flag and then takes the lock once: every writer that passes the lock after
 * that sees the flag and throws, and the writer inside when close began has left. That is what
 * makes the lease release safe: once a ring is closed no frame of this handle can land in a lane a
 * successor process now owns. Checks on the hot path are one opaque load (no fence, no allocation).
 */
final class LaneGate
{
    private static final VarHandle LOCKED;
    private static final VarHandle CLOSED;

    static
    {
        try
        {
            LOCKED = MethodHandles.lookup().findVarHandle(LaneGate.class, "locked", int.class);
            CLOSED = MethodHandles.lookup().findVarHandle(LaneGate.class, "closed", boolean.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final String description;
    @SuppressWarnings("unused")
    private volatile int locked;
    @SuppressWarnings("unused")
    private boolean closed;
    /** The holder; plain: only the holder writes it, so a thread reads itself here only while it holds the lock. */
    private Thread owner;

    /**
     * @param description names the ring, fleet and node in messages.
     */
    LaneGate(final String description)
    {
        this.description = description;
    }

    String description()
    {
        return description;
    }

    /**
     * @return true once {@link #close} began.
     */
    boolean isClosed()
    {
        return (boolean)CLOSED.getOpaque(this); // opaque: never hoisted out of a caller's loop, no fence needed
    }

    /**
     * @param action what was asked.
     * @throws FleetClosedException when closed.
     */
    void checkOpen(final String action)
    {
        if (isClosed())
        {
            throw closedException(action);
        }
    }

    FleetClosedException closedException(final String action)
    {
        return new FleetClosedException("cannot " + action + ": " + description + " is closed; its node may already belong to "
            + "another process, so a closed handle never writes again. Join the fleet again for a new handle");
    }

    /**
     * Takes the lane lock.
     *
     * @throws ReentrantPublishException when this thread already holds it (a publish from inside its
     *         own encoder, or through the ring while holding its exclusive publisher).
     * @throws FleetClosedException when the ring is closed.
     */
    void lock()
    {
        int spins = 0;
        while (!LOCKED.compareAndSet(this, 0, 1)) // acquire: the lane's previous writes by other threads are visible
        {
            if (owner == Thread.currentThread())
            {
                throw new ReentrantPublishException("re-entrant publish on " + description + ": this thread already holds the "
                    + "write lane (publishing from inside its own encoder, or through the ring while it holds the ring's "
                    + "exclusive publisher); publish after the outer call returns, or through the exclusive publisher");
            }
            LaneWriter.BACKOFF.idle(spins++);
        }
        owner = Thread.currentThread();
        if ((boolean)CLOSED.getOpaque(this)) // set before close() took this lock, so visible after our acquire
        {
            unlock();
            throw closedException("write");
        }
    }

    void unlock()
    {
        owner = null;
        LOCKED.setRelease(this, 0); // release: this thread's lane writes happen-before the next holder's
    }

    /**
     * Closes the gate and waits, at most {@code boundNs}, for the writer inside to leave. An open
     * exclusive publisher holds the lock until its thread's next publish (which fails and gives the
     * lane back) or its close; an idle one costs the whole bound.
     *
     * @param boundNs longest wait.
     * @return true when no writer of this handle is inside.
     */
    boolean close(final long boundNs)
    {
        CLOSED.setVolatile(this, true); // volatile: ordered before our CAS below, seen by every later lock()
        final long deadline = System.nanoTime() + boundNs;
        int spins = 0;
        while (!LOCKED.compareAndSet(this, 0, 1)) // acquire: the writer that was inside has finished its frame
        {
            if (owner == Thread.currentThread() || System.nanoTime() - deadline > 0)
            {
                return false;
            }
            LaneWriter.BACKOFF.idle(spins++);
        }
        unlock();
        return true;
    }
}
