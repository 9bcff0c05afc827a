package io.orbit.runtime.exceptions;

/**
 * Text or bytes that do not describe a {@link io.orbit.runtime.NetId64}.
 */
public final class InvalidNetIdException extends InvalidArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong with the input.
     */
    public InvalidNetIdException(final String message)
    {
        super(message);
    }
}
