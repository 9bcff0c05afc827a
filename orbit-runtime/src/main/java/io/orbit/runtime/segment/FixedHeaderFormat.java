package io.orbit.runtime.segment;

import io.orbit.runtime.exceptions.SegmentLayoutException;

/**
 * The part every Orbit segment format shares: a header of fixed length whose 32-bit magic is the
 * ready word, and attach-time checks that turn a header field mismatch into a
 * {@link SegmentLayoutException} naming the segment, fleet, KIND, field, expected and found value.
 * Subclasses add the segment's length, its initialisation and the fields to check.
 */
public abstract class FixedHeaderFormat implements SegmentFormat
{
    private final int headerLength;
    private final int magicOffset;
    private final int magic;

    /**
     * @param headerLength bytes of the header.
     * @param magicOffset  offset of the magic (the ready word).
     * @param magic        the magic, non-zero.
     */
    protected FixedHeaderFormat(final int headerLength, final int magicOffset, final int magic)
    {
        this.headerLength = headerLength;
        this.magicOffset = magicOffset;
        this.magic = magic;
    }

    @Override
    public final int headerLength()
    {
        return headerLength;
    }

    @Override
    public final int readyWordOffset()
    {
        return magicOffset;
    }

    @Override
    public final int readyWordValue()
    {
        return magic;
    }

    /**
     * @param location the segment's file or name.
     * @return the start of every message about this segment, e.g. {@code "segment /dev/shm/x (fleet f, KIND 12): "}.
     */
    protected abstract String prefix(String location);

    /**
     * @param location the segment's file or name.
     * @param field    the header field.
     * @param expected what this process expects.
     * @param found    what the segment holds.
     * @throws SegmentLayoutException when they differ.
     */
    protected final void expect(final String location, final String field, final long expected, final long found)
    {
        expect(location, field, expected, found, leftoverHint(field));
    }

    /**
     * @param field the header field that differs.
     * @return appended to a mismatch message: the likely cause and the clean-up, or empty.
     */
    protected String leftoverHint(final String field)
    {
        return "";
    }

    /**
     * @param fleet the fleet whose segment failed validation.
     * @param cause the likely reason, e.g. "a fleet of another size made it".
     * @return a hint naming the likely cause and the clean-up of a leftover segment.
     */
    protected static String leftover(final String fleet, final String cause)
    {
        return " (likely cause: " + cause + "; if it is a leftover of an earlier run, stop every process of fleet " + fleet
            + " and remove its segments with Fleet.removeSegments(\"" + fleet + "\") or `orbit clean " + fleet + "`)";
    }

    /**
     * @param location the segment's file or name.
     * @param field    the header field.
     * @param expected what this process expects.
     * @param found    what the segment holds.
     * @param hint     appended to the message (may be empty).
     * @throws SegmentLayoutException when they differ.
     */
    protected final void expect(final String location, final String field, final long expected, final long found, final String hint)
    {
        if (expected != found)
        {
            throw new SegmentLayoutException(prefix(location) + "field " + field + " expected " + expected + " but found " + found + hint);
        }
    }

    /**
     * @param location   the segment's file or name.
     * @param fileLength the segment's length as found.
     * @throws SegmentLayoutException when it is not {@link #segmentLength()}.
     */
    protected final void expectFileSize(final String location, final long fileLength)
    {
        expect(location, "file size", segmentLength(), fileLength);
    }
}
