package io.orbit.runtime.exceptions;

/**
 * A segment file exists but its creator never marked it ready within the attach timeout, typically because the creator died while initialising it.
 */
public final class SegmentNotReadyException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public SegmentNotReadyException(final String message)
    {
        super(message);
    }
}
