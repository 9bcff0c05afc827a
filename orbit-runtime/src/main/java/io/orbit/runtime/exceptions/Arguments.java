package io.orbit.runtime.exceptions;

import java.time.Duration;

/**
 * The one argument rule of every public entry point (fleet, rings, Orbital, cache, event bus,
 * contest, heartbeat), applied before anything is claimed or written. Each check names the
 * argument, the context (fleet and KIND) and the limit:
 * <ul>
 *   <li>null where a value is required, an empty label, a zero or negative duration, a frame kind
 *       outside 0..255: {@link InvalidArgumentException};</li>
 *   <li>a label, key, topic or payload past its byte limit: {@link PayloadTooLargeException}.</li>
 * </ul>
 */
public final class Arguments
{
    /** Largest frame kind: one byte in the slot header. */
    public static final int MAX_FRAME_KIND = 255;

    private Arguments()
    {
    }

    /**
     * @param value   the argument.
     * @param what    its name, e.g. {@code "clock"}.
     * @param context names the fleet and KIND, e.g. {@code "fleet f (KIND 222)"}.
     * @param <T>     its type.
     * @return the value.
     * @throws InvalidArgumentException when null.
     */
    public static <T> T notNull(final T value, final String what, final String context)
    {
        if (value == null)
        {
            throw new InvalidArgumentException(context + ": the " + what + " must not be null");
        }
        return value;
    }

    /**
     * A bounded, non-empty label (subject, owner, topic, key).
     *
     * @param length  its length in bytes.
     * @param what    its name.
     * @param limit   the largest length allowed.
     * @param context names the fleet and KIND.
     * @throws InvalidArgumentException when empty.
     * @throws PayloadTooLargeException when longer than {@code limit}.
     */
    public static void label(final int length, final String what, final int limit, final String context)
    {
        if (length == 0)
        {
            throw new InvalidArgumentException(context + ": the " + what + " is empty; it must be 1.." + limit + " bytes");
        }
        atMost(length, what, limit, context);
    }

    /**
     * @param length  a length in bytes.
     * @param what    what it measures.
     * @param limit   the largest length allowed.
     * @param context names the fleet and KIND.
     * @throws PayloadTooLargeException when longer than {@code limit}.
     */
    public static void atMost(final int length, final String what, final int limit, final String context)
    {
        if (length > limit)
        {
            throw new PayloadTooLargeException(context + ": the " + what + " is " + length + " bytes; the limit is " + limit);
        }
    }

    /**
     * @param duration a TTL or age.
     * @param what     its name.
     * @param context  names the fleet and KIND.
     * @return the duration.
     * @throws InvalidArgumentException when null, zero or negative.
     */
    public static Duration positive(final Duration duration, final String what, final String context)
    {
        if (notNull(duration, what, context).isNegative() || duration.isZero())
        {
            throw new InvalidArgumentException(context + ": the " + what + " must be positive, was " + duration);
        }
        return duration;
    }

    /**
     * @param frameKind the opcode of a frame.
     * @param context   names the fleet and KIND.
     * @throws InvalidArgumentException outside 0..255 (it is one byte in the slot; never truncated).
     */
    public static void frameKind(final int frameKind, final String context)
    {
        if ((frameKind & ~MAX_FRAME_KIND) != 0)
        {
            throw new InvalidArgumentException(context + ": frame kind must be 0.." + MAX_FRAME_KIND + " (one byte), was " + frameKind);
        }
    }
}
