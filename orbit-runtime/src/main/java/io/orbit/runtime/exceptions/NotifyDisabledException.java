package io.orbit.runtime.exceptions;

/**
 * A subscriber asked to block on a ring whose publishers never notify ({@code Notify.NONE}): it
 * would sleep until its timeout however many frames arrive. The message names the fleet, KIND and
 * segment, and how to declare the ring so it notifies.
 */
public final class NotifyDisabledException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the ring and the fix.
     */
    public NotifyDisabledException(final String message)
    {
        super(message);
    }
}
