package io.orbit.runtime.exceptions;

/**
 * A value cannot be encoded in its fixed layout for a reason other than size: a {@code null}
 * component, or a string holding U+0000 (which the zero padding could not tell apart).
 * Raised before anything is written.
 */
public final class InvalidValueException extends InvalidArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the type and the field.
     */
    public InvalidValueException(final String message)
    {
        super(message);
    }
}
