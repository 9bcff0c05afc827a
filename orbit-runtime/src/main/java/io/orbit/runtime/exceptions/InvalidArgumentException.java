package io.orbit.runtime.exceptions;

/**
 * Misuse of a public API argument, raised before anything is claimed or written: an empty or
 * oversize subject, owner, key, topic or label, a zero or negative TTL or age, a null clock, a
 * frame kind outside 0..255. The message names the fleet, the KIND and the limit. The subclasses
 * name the common cases ({@link PayloadTooLargeException}, {@link InvalidValueException},
 * {@link InvalidFleetNameException}, {@link InvalidFleetSizeException},
 * {@link NodeOutsideFleetException}, {@link InvalidRingSpecException},
 * {@link InvalidNetIdException}); catching this class catches every argument error.
 */
public class InvalidArgumentException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the argument, the fleet, the KIND and the rule it broke.
     */
    public InvalidArgumentException(final String message)
    {
        super(message);
    }
}
