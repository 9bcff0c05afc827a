package io.orbit.runtime.exceptions;

/**
 * A fleet was joined with a size outside 1..65 535 (node ids are 16 bits).
 */
public final class InvalidFleetSizeException extends InvalidArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public InvalidFleetSizeException(final String message)
    {
        super(message);
    }
}
