package io.orbit.runtime.segment;

/**
 * Where a fleet's segments live: mapped files in a shared-memory directory, or process memory.
 * Both follow one protocol: create exclusively and publish the ready word last, or attach, wait
 * (bounded) for the ready word and validate.
 */
public interface SegmentStore
{
    /**
     * Creates the named segment, or attaches to it when it already exists.
     *
     * @param name   file name of the segment, e.g. {@code orbit-demo-12-1000}.
     * @param format size, initialisation and validation of the segment.
     * @return the opened segment.
     */
    Segment open(String name, SegmentFormat format);

    /**
     * @param name file name of the segment.
     * @return where that segment lives, for messages.
     */
    String locate(String name);
}
