package io.orbit.runtime.segment;

import org.agrona.concurrent.AtomicBuffer;

/**
 * What a segment must look like: its size, how its creator initialises it and how an attacher
 * checks it. The creator writes everything except the ready word, then the store publishes the
 * ready word last with release semantics, so an attacher that sees it non-zero sees a whole header.
 */
public interface SegmentFormat
{
    /**
     * @return total segment length in bytes.
     */
    long segmentLength();

    /**
     * @return bytes an attacher must be able to read before it can check readiness and validate.
     */
    int headerLength();

    /**
     * @return offset of the 32-bit ready word (the magic), inside the header.
     */
    int readyWordOffset();

    /**
     * @return the non-zero value of the ready word.
     */
    int readyWordValue();

    /**
     * Writes the header of a new, zero-filled segment, everything except the ready word.
     *
     * @param buffer the whole segment.
     */
    void initialize(AtomicBuffer buffer);

    /**
     * Checks a ready header against what this process expects.
     *
     * @param header     at least {@link #headerLength()} bytes of the segment.
     * @param fileLength the segment's length as found.
     * @param location   the segment's file or name, for messages.
     * @throws io.orbit.runtime.exceptions.SegmentLayoutException naming the field, the expected and the found value.
     */
    void validate(AtomicBuffer header, long fileLength, String location);
}
