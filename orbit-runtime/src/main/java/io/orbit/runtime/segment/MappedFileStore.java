package io.orbit.runtime.segment;

import io.orbit.runtime.OrbitException;
import io.orbit.runtime.SegmentLayoutException;
import io.orbit.runtime.SegmentNotReadyException;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Segments as files in a shared-memory directory ({@code /dev/shm} by default, or the system
 * property {@value #DIRECTORY_PROPERTY}), mapped read-write by every process that opens them.
 *
 * <p>Create: {@code CREATE_NEW} with permissions 0600 (set again with chmod so the umask cannot
 * widen or narrow them), size, map, initialise, then publish the ready word with release.
 * Attach: wait until the file holds a header whose ready word is non-zero, bounded by
 * {@value #ATTACH_TIMEOUT_PROPERTY} milliseconds (default {@value #DEFAULT_ATTACH_TIMEOUT_MS}),
 * validate every header field, and only then map the whole segment.
 */
public final class MappedFileStore implements SegmentStore
{
    /** System property naming the shared-memory directory. */
    public static final String DIRECTORY_PROPERTY = "orbit.shm.dir";
    /** System property bounding the wait for a segment to become ready, in milliseconds. */
    public static final String ATTACH_TIMEOUT_PROPERTY = "orbit.shm.attachTimeoutMs";
    /** Default shared-memory directory. */
    public static final String DEFAULT_DIRECTORY = "/dev/shm";
    /** Default bound of the wait for readiness. */
    public static final long DEFAULT_ATTACH_TIMEOUT_MS = 2000;

    /** Owner read/write only: segments and lock files are private to one uid. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_ATTRIBUTE =
        PosixFilePermissions.asFileAttribute(OWNER_ONLY);

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
     * @return a store in the directory and with the timeout given by the system properties.
     */
    public static MappedFileStore fromSystemProperties()
    {
        return new MappedFileStore(defaultDirectory(), Long.getLong(ATTACH_TIMEOUT_PROPERTY, DEFAULT_ATTACH_TIMEOUT_MS));
    }

    /**
     * @return the directory named by {@value #DIRECTORY_PROPERTY}, or {@value #DEFAULT_DIRECTORY}.
     */
    public static Path defaultDirectory()
    {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY));
    }

    /**
     * @return the directory holding this store's files.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * Creates a file with permissions 0600 if it does not exist yet, and sets them again if it was
     * just created, so the umask cannot change them.
     *
     * @param file the file to create.
     * @return true when this call created the file.
     * @throws IOException when the file cannot be created.
     */
    public static boolean createOwnerOnly(final Path file) throws IOException
    {
        try
        {
            Files.createFile(file, OWNER_ONLY_ATTRIBUTE);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            return true;
        }
        catch (final FileAlreadyExistsException ex)
        {
            return false;
        }
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
        while (true)
        {
            try
            {
                return create(file, format);
            }
            catch (final FileAlreadyExistsException ex)
            {
                try
                {
                    return attach(file, format);
                }
                catch (final NoSuchFileException removed)
                {
                    // Removed between our create and our open: try to create it again.
                }
                catch (final IOException attachFailure)
                {
                    throw failure("cannot attach to", file, attachFailure);
                }
            }
            catch (final IOException createFailure)
            {
                throw failure("cannot create", file, createFailure);
            }
        }
    }

    private Segment create(final Path file, final SegmentFormat format) throws IOException
    {
        final int length = (int)format.segmentLength();
        MappedByteBuffer mapped = null;
        try (FileChannel channel = FileChannel.open(
            file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE), OWNER_ONLY_ATTRIBUTE))
        {
            try
            {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                if (length > 0)
                {
                    channel.write(ByteBuffer.wrap(new byte[1]), length - 1L);
                }
                mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
                final UnsafeBuffer buffer = new UnsafeBuffer(mapped);
                format.initialize(buffer);
                // Ready word last, with release: an attacher that sees it sees the whole header.
                buffer.putIntRelease(format.readyWordOffset(), format.readyWordValue());
                LOG.log(System.Logger.Level.DEBUG, () -> "created segment " + file + " (" + length + " bytes)");
                return new Segment(buffer, file.toString(), true, LEAVE_TO_GC);
            }
            catch (final IOException | RuntimeException | Error ex)
            {
                if (mapped != null)
                {
                    IoUtil.unmap(mapped);
                }
                Files.deleteIfExists(file);
                throw ex;
            }
        }
    }

    private Segment attach(final Path file, final SegmentFormat format) throws IOException
    {
        final long deadline = System.nanoTime() + attachTimeoutNs;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final int headerLength = format.headerLength();
            MappedByteBuffer header = null;
            try
            {
                while (true)
                {
                    if (header == null && channel.size() >= headerLength)
                    {
                        header = channel.map(FileChannel.MapMode.READ_WRITE, 0, headerLength);
                    }
                    if (header != null && new UnsafeBuffer(header).getIntAcquire(format.readyWordOffset()) != 0)
                    {
                        break;
                    }
                    if (System.nanoTime() - deadline > 0)
                    {
                        throw new SegmentNotReadyException("segment " + file + " did not become ready within "
                            + TimeUnit.NANOSECONDS.toMillis(attachTimeoutNs) + " ms (size " + channel.size()
                            + " bytes, ready word still 0); its creator probably died while initialising it. "
                            + "Remove it once no process uses the fleet: rm " + file);
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

    private static OrbitException failure(final String action, final Path file, final IOException cause)
    {
        if (cause instanceof AccessDeniedException)
        {
            return new OrbitException(action + " segment " + file + ": permission denied (segments are private to "
                + "the uid that created them, mode 0600; this process runs as uid " + ProcessIdentity.uid() + ")", cause);
        }
        return new OrbitException(action + " segment " + file + ": " + cause, cause);
    }
}
