package io.orbit.runtime.segment;

import io.orbit.runtime.exceptions.SegmentLayoutException;

/**
 * The one place that turns a header field mismatch into a {@link SegmentLayoutException} naming the
 * segment, the field, the expected and the found value; shared by every {@link SegmentFormat}.
 */
public final class HeaderFields
{
    private HeaderFields()
    {
    }

    /**
     * @param fleet the fleet whose segment failed validation.
     * @param cause the likely reason, e.g. "a fleet of another size made it".
     * @return a hint naming the likely cause and the clean-up of a leftover segment.
     */
    public static String leftover(final String fleet, final String cause)
    {
        return " (likely cause: " + cause + "; if it is a leftover of an earlier run, stop every process of fleet " + fleet
            + " and remove its segments with Fleet.removeSegments(\"" + fleet + "\") or `orbit clean " + fleet + "`)";
    }

    /**
     * @param prefix   names the segment, fleet and KIND, e.g. {@code "segment /dev/shm/x (fleet f, KIND 12): "}.
     * @param field    the header field.
     * @param expected what this process expects.
     * @param found    what the segment holds.
     * @param hint     appended to the message (may be empty).
     * @throws SegmentLayoutException when they differ.
     */
    public static void expect(final String prefix, final String field, final long expected, final long found, final String hint)
    {
        if (expected != found)
        {
            throw new SegmentLayoutException(prefix + "field " + field + " expected " + expected + " but found " + found + hint);
        }
    }
}
