package io.orbit.runtime.exceptions;

/**
 * A fleet name breaks the naming rule: 1 to 32 characters of {@code [A-Za-z0-9_.]}.
 */
public final class InvalidFleetNameException extends InvalidArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public InvalidFleetNameException(final String message)
    {
        super(message);
    }
}
