package io.orbit.runtime.segment;

import org.agrona.concurrent.AtomicBuffer;

/**
 * One opened segment: its memory, where it lives, and whether this process created it.
 * Closing gives up this handle's use of the segment; it never deletes it. Mapped files are unmapped
 * by the garbage collector once unreachable, so late use of a closed handle never faults.
 */
public final class Segment implements AutoCloseable
{
    private final AtomicBuffer buffer;
    private final String location;
    private final boolean created;
    private final Runnable release;

    Segment(final AtomicBuffer buffer, final String location, final boolean created, final Runnable release)
    {
        this.buffer = buffer;
        this.location = location;
        this.created = created;
        this.release = release;
    }

    /**
     * @return the segment's memory.
     */
    public AtomicBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the file path (shared memory) or a {@code local:} name (process-local).
     */
    public String location()
    {
        return location;
    }

    /**
     * @return true when this process created and initialised the segment.
     */
    public boolean created()
    {
        return created;
    }

    @Override
    public void close()
    {
        release.run();
    }
}
