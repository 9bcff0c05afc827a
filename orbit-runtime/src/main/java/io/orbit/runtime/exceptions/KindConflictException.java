package io.orbit.runtime.exceptions;

/**
 * One fleet was asked for one KIND with two different ring specs, or by two different types.
 */
public final class KindConflictException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public KindConflictException(final String message)
    {
        super(message);
    }
}
