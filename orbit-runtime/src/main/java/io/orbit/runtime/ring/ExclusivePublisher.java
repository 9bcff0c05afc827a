package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.FleetClosedException;
import org.agrona.DirectBuffer;

/**
 * Publishes into a ring's write lane from one thread, holding the lane for its whole life so each
 * publish skips the process-local lane lock: no locked instruction per frame, which matters when a
 * reader on another core keeps the lane's cache lines busy. Not thread-safe; close it to let other
 * publishers of the same handle in. Obtain it from {@link Ring#exclusivePublisher()}.
 */
public final class ExclusivePublisher implements AutoCloseable
{
    private final Ring ring;
    private boolean closed;

    ExclusivePublisher(final Ring ring)
    {
        this.ring = ring;
    }

    /**
     * Publishes one frame whose payload is copied from a buffer.
     *
     * @param frameKind opcode inside the ring.
     * @param version   frame version.
     * @param source    buffer holding the payload.
     * @param offset    payload start in {@code source}.
     * @param length    payload length, at most the ring's payload capacity.
     * @return the NetId64 minted for the frame.
     * @throws FleetClosedException after {@link #close()} or once the ring (its fleet) is closed; the
     *         lane is given back then, so the closing fleet can release its node.
     */
    public long publish(final int frameKind, final long version, final DirectBuffer source, final int offset, final int length)
    {
        if (closed)
        {
            throw new FleetClosedException("cannot publish: the exclusive publisher of " + ring + " is closed");
        }
        try
        {
            return ring.publishHeld(frameKind, version, source, offset, length);
        }
        catch (final FleetClosedException ex)
        {
            close();
            throw ex;
        }
    }

    /**
     * @return the ring.
     */
    public Ring ring()
    {
        return ring;
    }

    /**
     * Gives the write lane back. Idempotent.
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            ring.releaseExclusive();
        }
    }
}
