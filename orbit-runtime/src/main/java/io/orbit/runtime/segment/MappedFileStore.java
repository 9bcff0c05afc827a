package io.orbit.runtime.segment;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.InsufficientShmSpaceException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.exceptions.SegmentNotReadyException;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Segments as files in a shared-memory directory (by default {@link OrbitProperties#directory()}),
 * mapped read-write by every process that opens them.
 *
 * <p>The directory is shared with every local user, so nothing in it is trusted until checked
 * (docs/spec.md §3.2):
 * <ul>
 *   <li><b>Create</b> ({@link SegmentCreator}): build the whole segment, every byte allocated, under
 *       a temporary name, then publish it with {@code link(2)}; a reader never sees half a segment
 *       and a full directory fails at join with {@link InsufficientShmSpaceException}.</li>
 *   <li><b>Attach</b>: {@code lstat} the name and accept only a regular file of this uid with mode
 *       0600 ({@link OwnedFiles}), open it without following links, wait (bounded by
 *       the attach timeout, {@link OrbitProperties#attachTimeout()} by default) for the
 *       ready word, validate every header field, and only then map the whole segment.</li>
 *   <li><b>Recover</b>: a segment still not ready after the wait, and unchanged for a whole wait
 *       before the wait began, was left by a creator that wrote in place and died (orbit-rs writes its magic
 *       last in place; Orbit 0.1.0 did too). It is removed and created again, under an exclusive
 *       lock on the stale file so two recoverers cannot both replace it, and only if the name still
 *       points to the stale file.</li>
 * </ul>
 */
public final class MappedFileStore implements SegmentStore
{
    /** Owner read/write only: segments and lock files are private to one uid. */
    public static final Set<PosixFilePermission> OWNER_ONLY = OwnedFiles.OWNER_ONLY;

    /** Bound on create/attach/recover rounds lost to concurrent creators and recoverers. */
    private static final int MAX_ROUNDS = 16;

    /**
     * Whole-segment mappings are never unmapped explicitly: a thread still holding a ring of a closed
     * fleet must never touch unmapped memory (a crash, not an exception). The garbage collector
     * unmaps a segment once nothing refers to it.
     */
    private static final Runnable LEAVE_TO_GC = () -> { };
    private static final System.Logger LOG = System.getLogger(MappedFileStore.class.getName());

    private final Path directory;
    private final long attachTimeoutNs;

    /**
     * @param directory       where segment files live.
     * @param attachTimeoutMs bound of the wait for a segment to become ready.
     */
    public MappedFileStore(final Path directory, final long attachTimeoutMs)
    {
        this.directory = directory;
        this.attachTimeoutNs = TimeUnit.MILLISECONDS.toNanos(attachTimeoutMs);
    }

    /**
     * @return the directory holding this store's files.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @param name a file name in this store's directory.
     * @return true when it is a temporary file of a segment being created (or left by a dead creator).
     */
    public static boolean isTemporary(final String name)
    {
        return name.endsWith(SegmentCreator.TEMPORARY_SUFFIX);
    }

    @Override
    public String locate(final String name)
    {
        return directory.resolve(name).toString();
    }

    @Override
    public Segment open(final String name, final SegmentFormat format)
    {
        final Path file = directory.resolve(name);
        if (!directory.equals(file.getParent()))
        {
            throw new OrbitException("segment name '" + name + "' would leave the directory " + directory);
        }
        final long length = format.segmentLength();
        if (length > Integer.MAX_VALUE)
        {
            throw new OrbitException("segment " + file + " would be " + length + " bytes; the limit is " + Integer.MAX_VALUE);
        }
        OwnedFiles.checkDirectory(directory, "segment " + name);
        SegmentCreator.sweep(file);
        for (int round = 0; round < MAX_ROUNDS; round++)
        {
            try
            {
                final FileFacts facts = FileFacts.read(file);
                if (facts == null)
                {
                    final Segment created = SegmentCreator.create(file, format);
                    if (created != null)
                    {
                        LOG.log(System.Logger.Level.DEBUG, () -> "created segment " + file + " (" + format.segmentLength() + " bytes)");
                        return created;
                    }
                    continue; // another creator published first: attach to theirs
                }
                OwnedFiles.requireOurs(file, facts, "segment");
                final Segment attached = attach(file, facts, format);
                if (attached != null)
                {
                    return attached;
                }
            }
            catch (final NoSuchFileException removed)
            {
                // Removed between our look and our open: look again.
            }
            catch (final IOException ex)
            {
                throw OwnedFiles.failure("cannot open segment", file, ex);
            }
        }
        throw new SegmentNotReadyException("segment " + file + ": gave up after " + MAX_ROUNDS + " rounds of concurrent "
            + "creation or recovery by other processes; retry the join");
    }

    /**
     * @return the segment, or null when it was replaced meanwhile (look again).
     */
    private Segment attach(final Path file, final FileFacts facts, final SegmentFormat format) throws IOException
    {
        final long startMillis = System.currentTimeMillis();
        final long deadline = System.nanoTime() + attachTimeoutNs;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))
        {
            final int headerLength = format.headerLength();
            MappedByteBuffer header = null;
            try
            {
                while (true)
                {
                    if (header == null && channel.size() >= headerLength)
                    {
                        header = channel.map(FileChannel.MapMode.READ_ONLY, 0, headerLength);
                    }
                    if (header != null && new UnsafeBuffer(header).getIntAcquire(format.readyWordOffset()) != 0)
                    {
                        break;
                    }
                    if (System.nanoTime() - deadline > 0)
                    {
                        return recover(file, facts, channel, format, startMillis);
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                try
                {
                    format.validate(new UnsafeBuffer(header), channel.size(), file.toString());
                }
                catch (final SegmentLayoutException refused)
                {
                    LOG.log(System.Logger.Level.WARNING, () -> "refused segment " + file + ": " + refused.getMessage());
                    throw refused;
                }
            }
            finally
            {
                if (header != null)
                {
                    IoUtil.unmap(header);
                }
            }
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, format.segmentLength());
            LOG.log(System.Logger.Level.DEBUG, () -> "attached to segment " + file);
            return new Segment(new UnsafeBuffer(mapped), file.toString(), false, LEAVE_TO_GC);
        }
    }

    /**
     * A segment of ours that stayed not ready for the whole wait. Replaced when it had not changed
     * for a whole attach timeout before the wait began (so its in-place creator had at least twice
     * the timeout and is taken as gone); otherwise a creator may still be at work.
     *
     * @return null after the stale segment was removed (look again).
     */
    private Segment recover(
        final Path file, final FileFacts facts, final FileChannel channel, final SegmentFormat format, final long startMillis) throws IOException
    {
        final long timeoutMs = TimeUnit.NANOSECONDS.toMillis(attachTimeoutNs);
        final FileFacts latest = FileFacts.read(file);
        if (latest == null || latest.inode() != facts.inode())
        {
            return null; // replaced meanwhile: look again
        }
        final long ageMs = System.currentTimeMillis() - latest.modifiedMillis();
        // Stale only when it was already unchanged for a whole timeout before our wait began.
        if (latest.modifiedMillis() >= startMillis - timeoutMs)
        {
            throw new SegmentNotReadyException("segment " + file + " did not become ready within " + timeoutMs + " ms (size "
                + channel.size() + " bytes, ready word still 0) and was last changed " + ageMs + " ms ago: a creator writing it "
                + "in place is still at work or died moments ago. Retry the join; once it is older than " + timeoutMs
                + " ms the next join replaces it");
        }
        final FileLock lock;
        try
        {
            lock = channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            return null; // another thread of this process is recovering it
        }
        if (lock == null)
        {
            return null; // another process is recovering it
        }
        final FileFacts now = FileFacts.read(file);
        if (now != null && now.inode() == facts.inode() && now.modifiedMillis() == latest.modifiedMillis() && !ready(channel, format))
        {
            // Still the stale file we locked: remove it; the caller creates a fresh one atomically.
            Files.delete(file);
        }
        return null;
    }

    private static boolean ready(final FileChannel channel, final SegmentFormat format) throws IOException
    {
        final ByteBuffer word = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        return channel.read(word, format.readyWordOffset()) == Integer.BYTES && word.getInt(0) != 0;
    }
}
