package io.orbit.runtime;

/**
 * A value does not fit its fixed layout or frame: a string longer than its {@code @Length}, an
 * array of the wrong length, a key or value past a substrate's limit. Raised before anything is
 * written or published.
 */
public final class FrameTooLargeException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the type, field or KIND, the size and the limit.
     */
    public FrameTooLargeException(final String message)
    {
        super(message);
    }
}
