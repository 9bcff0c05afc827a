package io.orbit.runtime.segment;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Read-only mappings of existing segment files, for inspection tools ({@code orbit stat}, {@code orbit tail}):
 * never creates, never waits, never maps writable. The mapping is unmapped by the garbage collector.
 */
public final class ReadOnlySegments
{
    private ReadOnlySegments()
    {
    }

    /**
     * Maps a whole existing segment file read-only. Any write through the returned buffer faults, so
     * only read paths may use it.
     *
     * @param file the segment file.
     * @return the segment, {@link Segment#created()} false.
     * @throws IOException when the file does not exist or cannot be read.
     */
    public static Segment map(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return new Segment(new UnsafeBuffer(mapped), file.toString(), false, () -> { });
        }
    }
}
