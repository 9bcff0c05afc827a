package io.orbit.runtime.exceptions;

/**
 * Root of every error the Orbit runtime raises. Unchecked: bad input and broken segments are
 * reported through specific subclasses whose messages name the fleet, KIND, file or limit involved.
 */
public class OrbitException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public OrbitException(final String message)
    {
        super(message);
    }

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     * @param cause   the underlying failure.
     */
    public OrbitException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
