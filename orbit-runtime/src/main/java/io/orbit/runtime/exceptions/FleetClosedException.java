package io.orbit.runtime.exceptions;

/**
 * A write (publish, store, put, claim, renew, beat, reset) or a new ring or table was asked of a
 * fleet, ring or substrate handle after it was closed. A closed handle never writes again: its node
 * may already belong to another process.
 */
public final class FleetClosedException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public FleetClosedException(final String message)
    {
        super(message);
    }
}
