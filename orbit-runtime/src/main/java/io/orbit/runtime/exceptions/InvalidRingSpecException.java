package io.orbit.runtime.exceptions;

/**
 * A ring spec is not usable: capacity not a positive power of two, KIND outside 0..255, payload
 * capacity negative, or a segment that would exceed the mappable size.
 */
public final class InvalidRingSpecException extends InvalidArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public InvalidRingSpecException(final String message)
    {
        super(message);
    }
}
