package io.orbit.runtime;

/**
 * Text or bytes that do not describe a {@link NetId64}.
 */
public final class InvalidNetIdException extends OrbitException
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
