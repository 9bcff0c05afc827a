package io.orbit.runtime.segment;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.InsufficientShmSpaceException;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates a segment atomically and fully allocated.
 *
 * <ol>
 *   <li>Check the directory's usable space ({@link InsufficientShmSpaceException} when short).</li>
 *   <li>Create {@code {name}.{pid}-{seq}.tmp} in the same directory, exclusively, mode 0600, and hold
 *       an exclusive lock on it while building it: the lock is how sweepers tell a live creator from
 *       a dead one (the kernel drops it when the creator dies, even on {@code kill -9}, and it works
 *       across pid namespaces, unlike a pid).</li>
 *   <li>Write zeros over every byte (tmpfs allocates pages; no sparse file, so a full tmpfs fails
 *       here with an exception instead of faulting a later write with SIGBUS).</li>
 *   <li>Map it, write the header, publish the ready word with release.</li>
 *   <li>Publish under the final name with {@code link(2)}, which fails when the name exists (another
 *       creator won: this one attaches to theirs), then remove the temporary name.</li>
 * </ol>
 * A creator killed at any point leaves only a temporary file (or a second name of a finished
 * segment); {@link #sweep} removes the temporary files of dead creators whenever the segment is opened, and
 * {@code Fleet.removeSegments} removes them with the fleet.
 */
final class SegmentCreator
{
    /** Suffix of temporary files. */
    static final String TEMPORARY_SUFFIX = ".tmp";

    private static final int ZERO_CHUNK = 1 << 20;
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Runnable LEAVE_TO_GC = () -> { };

    private SegmentCreator()
    {
    }

    /**
     * @param segmentName final file name of a segment.
     * @param fileName    a file name in the same directory.
     * @return true when {@code fileName} is a temporary file of that segment.
     */
    static boolean isTemporaryOf(final String segmentName, final String fileName)
    {
        return fileName.startsWith(segmentName + ".") && fileName.endsWith(TEMPORARY_SUFFIX);
    }

    /**
     * Builds and publishes a segment.
     *
     * @return the new segment, or null when the final name already exists (attach to it instead).
     */
    static Segment create(final Path file, final SegmentFormat format) throws IOException
    {
        final Path directory = file.getParent();
        final int length = (int)format.segmentLength();
        checkSpace(file, length, null);
        final Path temporary = directory.resolve(file.getFileName() + "." + ProcessIdentity.pid() + "-"
            + SEQUENCE.incrementAndGet() + TEMPORARY_SUFFIX);
        MappedByteBuffer mapped = null;
        boolean published = false;
        try (FileChannel channel = OwnedFiles.createExclusive(temporary))
        {
            final FileLock lock = channel.tryLock();
            if (lock == null)
            {
                // A sweeper found our brand-new file unlocked and is removing it: start over.
                return create(file, format);
            }
            allocate(channel, file, length);
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            final UnsafeBuffer buffer = new UnsafeBuffer(mapped);
            format.initialize(buffer);
            // Ready word last, with release: an attacher that sees it sees the whole header.
            buffer.putIntRelease(format.readyWordOffset(), format.readyWordValue());
            try
            {
                Files.createLink(file, temporary);
            }
            catch (final FileAlreadyExistsException ex)
            {
                return null;
            }
            catch (final NoSuchFileException ex)
            {
                // A sweeper removed our temporary name in the instant before we locked it: start over.
                return create(file, format);
            }
            published = true;
            return new Segment(buffer, file.toString(), true, LEAVE_TO_GC);
        }
        finally
        {
            Files.deleteIfExists(temporary);
            if (!published && mapped != null)
            {
                IoUtil.unmap(mapped);
            }
        }
    }

    /**
     * Removes the temporary files of a segment whose creators died: a temporary file that this
     * process can lock has no live creator. Housekeeping only: a directory this process may not
     * list (or any other I/O failure) leaves the leftovers to the next open and never fails a join.
     */
    static void sweep(final Path file)
    {
        try
        {
            sweepListed(file);
        }
        catch (final IOException ex)
        {
            // Nothing to do: creation and attach do not depend on the sweep.
        }
    }

    private static void sweepListed(final Path file) throws IOException
    {
        final String name = file.getFileName().toString();
        final String ownPrefix = name + "." + ProcessIdentity.pid() + "-";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.getParent(), name + ".*" + TEMPORARY_SUFFIX))
        {
            for (final Path candidate : entries)
            {
                final String candidateName = candidate.getFileName().toString();
                if (!isTemporaryOf(name, candidateName) || candidateName.startsWith(ownPrefix))
                {
                    // Ours are in progress in this JVM (and Java locks are per process: never probe them).
                    continue;
                }
                final FileFacts facts = FileFacts.read(candidate);
                if (facts == null || !facts.isRegularFile() || facts.uid() != ProcessIdentity.uid())
                {
                    // Not ours: never opened, never removed.
                    continue;
                }
                removeIfCreatorDead(candidate);
            }
        }
    }

    private static void removeIfCreatorDead(final Path temporary) throws IOException
    {
        try (FileChannel channel = OwnedFiles.openOurs(temporary, "temporary segment file"))
        {
            if (channel == null)
            {
                return;
            }
            final FileLock lock = channel.tryLock();
            if (lock != null)
            {
                Files.deleteIfExists(temporary);
            }
        }
        catch (final OverlappingFileLockException | NoSuchFileException ex)
        {
            // Held or removed by another thread of this process meanwhile: nothing to sweep.
        }
        catch (final io.orbit.runtime.exceptions.UntrustedFileException ex)
        {
            // Replaced by something not ours between the listing and the open: leave it alone.
        }
    }

    /**
     * Writes zeros over the whole file so every page exists before the file is mapped.
     */
    private static void allocate(final FileChannel channel, final Path file, final int length) throws IOException
    {
        final ByteBuffer zeros = ByteBuffer.allocateDirect(Math.min(ZERO_CHUNK, Math.max(length, 1)));
        long position = 0;
        try
        {
            while (position < length)
            {
                zeros.clear().limit((int)Math.min(zeros.capacity(), length - position));
                while (zeros.hasRemaining())
                {
                    position += channel.write(zeros, position);
                }
            }
        }
        catch (final IOException ex)
        {
            if (String.valueOf(ex.getMessage()).contains("No space left"))
            {
                checkSpace(file, length, ex);
            }
            throw ex;
        }
    }

    private static void checkSpace(final Path file, final long needed, final IOException cause) throws IOException
    {
        final Path directory = file.getParent();
        final long free = Files.getFileStore(directory).getUsableSpace();
        if (cause != null || free < needed)
        {
            throw new InsufficientShmSpaceException("cannot create segment " + file + ": it needs " + needed + " bytes but "
                + directory + " has " + free + " bytes free" + (cause == null ? "" : " (the write of its zero pages failed: "
                + cause.getMessage() + ")") + ". Give the shared-memory directory more room (Docker: --shm-size=256m; "
                + "Kubernetes: an emptyDir with medium Memory and a sizeLimit), remove segments of stopped fleets "
                + "(Fleet.removeSegments(fleet)), or use another directory with -D" + OrbitProperties.DIRECTORY_PROPERTY
                + "=DIR. Nothing was published.", needed, free, cause);
        }
    }
}
