package io.orbit.runtime.segment;

import io.orbit.runtime.exceptions.OrbitException;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.HashMap;
import java.util.Map;

/**
 * Segments in this process's memory, for process-local fleets. The protocol and the layout are
 * those of {@link MappedFileStore}, so a process-local fleet behaves like a shared-memory one.
 */
public final class ProcessMemoryStore implements SegmentStore
{
    /** Rings and tables are cache-line aligned, as mapped files are page aligned. */
    private static final int ALIGNMENT = 64;

    private final String scope;
    private final Map<String, UnsafeBuffer> segments = new HashMap<>();

    /**
     * @param scope prefix of locations in messages, e.g. the fleet name.
     */
    public ProcessMemoryStore(final String scope)
    {
        this.scope = scope;
    }

    @Override
    public String locate(final String name)
    {
        return "local:" + scope + "/" + name;
    }

    @Override
    public synchronized Segment open(final String name, final SegmentFormat format)
    {
        final String location = locate(name);
        final UnsafeBuffer existing = segments.get(name);
        if (existing != null)
        {
            format.validate(existing, existing.capacity(), location);
            return new Segment(existing, location, false, () -> { });
        }
        final long length = format.segmentLength();
        if (length > Integer.MAX_VALUE - ALIGNMENT)
        {
            throw new OrbitException(
                "segment " + location + " would be " + length + " bytes; the limit is " + (Integer.MAX_VALUE - ALIGNMENT));
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned((int)length, ALIGNMENT));
        format.initialize(buffer);
        buffer.putIntRelease(format.readyWordOffset(), format.readyWordValue());
        segments.put(name, buffer);
        return new Segment(buffer, location, true, () -> { });
    }
}
