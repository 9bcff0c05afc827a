package io.orbit.runtime;

/**
 * A fleet was joined with a size below one.
 */
public final class EmptyFleetException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public EmptyFleetException(final String message)
    {
        super(message);
    }
}
