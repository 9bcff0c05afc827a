package io.orbit.runtime.exceptions;

/**
 * A node id is not inside {@code 0 .. fleetSize-1}.
 */
public final class NodeOutsideFleetException extends InvalidArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public NodeOutsideFleetException(final String message)
    {
        super(message);
    }
}
