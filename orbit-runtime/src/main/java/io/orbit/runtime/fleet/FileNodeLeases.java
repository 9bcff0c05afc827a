package io.orbit.runtime.fleet;

import io.orbit.runtime.NodeInUseException;
import io.orbit.runtime.OrbitException;
import io.orbit.runtime.segment.MappedFileStore;
import io.orbit.runtime.segment.ProcessIdentity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Node leases as exclusive locks on {@code orbit-{fleet}-node{n}-{uid}.lock} files, which the kernel
 * releases when the holder dies (also on {@code kill -9}). The holder writes its pid into the file.
 *
 * <p>Java file locks belong to the whole process, and closing any channel of a locked file drops
 * the process's lock. So every lease this JVM holds is recorded in one process-wide table, and
 * acquire and probe are serialised on it: a probe never opens a file this JVM holds.
 */
final class FileNodeLeases implements NodeLeases
{
    private static final Map<Path, FileChannel> HELD = new HashMap<>();
    private static final System.Logger LOG = System.getLogger(FileNodeLeases.class.getName());

    private final String fleet;
    private final Path directory;

    FileNodeLeases(final String fleet, final Path directory)
    {
        this.fleet = fleet;
        this.directory = directory;
    }

    @Override
    public Lease acquire(final int node)
    {
        final Path file = directory.resolve(SegmentNames.nodeLease(fleet, node));
        synchronized (HELD)
        {
            if (HELD.containsKey(file))
            {
                throw new NodeInUseException("node " + node + " of fleet " + fleet + " is already held by this process (pid "
                    + ProcessIdentity.pid() + "); lock file " + file);
            }
            FileChannel channel = null;
            try
            {
                MappedFileStore.createOwnerOnly(file);
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                final FileLock lock = channel.tryLock();
                if (lock == null)
                {
                    final String holder = readHolder(channel);
                    channel.close();
                    throw new NodeInUseException("node " + node + " of fleet " + fleet + " is held by another live process"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; lock file " + file);
                }
                final String previous = readHolder(channel);
                LOG.log(previous.isEmpty() ? System.Logger.Level.DEBUG : System.Logger.Level.INFO, () -> (previous.isEmpty()
                    ? "acquired" : "took over (last holder pid " + previous + " is gone)") + " the lease of node " + node + " of fleet " + fleet);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((ProcessIdentity.pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                HELD.put(file, channel);
                final FileChannel held = channel;
                return () -> release(file, held);
            }
            catch (final IOException ex)
            {
                closeQuietly(channel);
                final String reason = ex instanceof AccessDeniedException
                    ? "permission denied (lease files are private to the uid that created them, mode 0600; this process runs as uid "
                        + ProcessIdentity.uid() + ")"
                    : ex.toString();
                throw new OrbitException("cannot lease node " + node + " of fleet " + fleet + " through " + file + ": " + reason, ex);
            }
        }
    }

    @Override
    public boolean isAlive(final int node)
    {
        final Path file = directory.resolve(SegmentNames.nodeLease(fleet, node));
        synchronized (HELD)
        {
            if (HELD.containsKey(file))
            {
                return true;
            }
            if (!Files.exists(file))
            {
                return false;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                final FileLock lock = channel.tryLock();
                if (lock == null)
                {
                    return true;
                }
                lock.release();
                return false;
            }
            catch (final IOException ex)
            {
                // A lease file we cannot open (removed meanwhile, or not ours) has no live holder we can see.
                return false;
            }
        }
    }

    /**
     * @param node node id.
     * @return the pid recorded in the node's lock file, or -1 when none.
     */
    long recordedPid(final int node)
    {
        final Path file = directory.resolve(SegmentNames.nodeLease(fleet, node));
        try
        {
            final String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? -1 : Long.parseLong(text);
        }
        catch (final IOException | NumberFormatException ex)
        {
            return -1;
        }
    }

    private static void release(final Path file, final FileChannel channel)
    {
        synchronized (HELD)
        {
            if (HELD.remove(file, channel))
            {
                LOG.log(System.Logger.Level.DEBUG, () -> "released lease " + file);
                closeQuietly(channel);
            }
        }
    }

    private static String readHolder(final FileChannel channel) throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.allocate(32);
        channel.read(bytes, 0);
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).trim();
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // Closing only releases resources; nothing to recover.
            }
        }
    }
}
