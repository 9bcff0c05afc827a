package io.orbit.runtime.exceptions;

/**
 * A payload is larger than the ring's payload capacity; raised before any counter is claimed.
 */
public final class PayloadTooLargeException extends InvalidArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public PayloadTooLargeException(final String message)
    {
        super(message);
    }
}
