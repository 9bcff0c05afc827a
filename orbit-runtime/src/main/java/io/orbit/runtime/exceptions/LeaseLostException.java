package io.orbit.runtime.exceptions;

/**
 * A lease is no longer the caller's: it was released, or it expired and another claimant took it
 * (with a higher fence token). Raised by {@code Guard.renew}; nothing is written to the current
 * holder's lease.
 */
public final class LeaseLostException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the fleet, the subject, the lost fence token and, when known, the current holder.
     */
    public LeaseLostException(final String message)
    {
        super(message);
    }
}
