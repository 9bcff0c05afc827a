package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.NodeInUseException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.UntrustedFileException;
import io.orbit.runtime.segment.OwnedFiles;
import io.orbit.runtime.segment.ProcessIdentity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
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
                channel = openLeaseFile(file);
                final FileLock lock = channel.tryLock();
                if (lock == null)
                {
                    // The file is ours (verified), so the pid in it was written by a process of our uid.
                    final String holder = readHolder(channel);
                    channel.close();
                    throw new NodeInUseException("node " + node + " of fleet " + fleet + " is held by another live process"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; lock file " + file);
                }
                final String previous = readHolder(channel);
                LOG.log(previous.isEmpty() ? System.Logger.Level.DEBUG : System.Logger.Level.INFO, () -> (previous.isEmpty()
                    ? "acquired" : "took over (last holder pid " + previous + " is gone)") + " the lease of node " + node + " of fleet " + fleet);
                // Truncate only now: the file is verified ours and locked by us.
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
            catch (final RuntimeException ex)
            {
                closeQuietly(channel);
                throw ex;
            }
        }
    }

    /**
     * Creates the lease file exclusively, or opens the existing one after checking it is a regular
     * file of this uid with mode 0600; never follows a link, never truncates before the check.
     */
    private static FileChannel openLeaseFile(final Path file) throws IOException
    {
        while (true)
        {
            try
            {
                return OwnedFiles.createExclusive(file);
            }
            catch (final FileAlreadyExistsException exists)
            {
                final FileChannel channel = OwnedFiles.openOurs(file, "node lease file");
                if (channel != null)
                {
                    return channel;
                }
                // Removed between the create and the open: create again.
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
            try (FileChannel channel = OwnedFiles.openOurs(file, "node lease file"))
            {
                if (channel == null)
                {
                    return false;
                }
                final FileLock lock = channel.tryLock();
                if (lock == null)
                {
                    return true;
                }
                lock.release();
                return false;
            }
            catch (final IOException | UntrustedFileException ex)
            {
                // A lease file we cannot open (removed meanwhile) or must not trust (not ours) has no live holder of ours.
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
        synchronized (HELD)
        {
            if (HELD.containsKey(file))
            {
                // Never open (and close) a lease file this JVM holds: closing any channel drops the lock.
                return ProcessIdentity.pid();
            }
        }
        try (FileChannel channel = OwnedFiles.openOurs(file, "node lease file"))
        {
            // Only a verified file of our uid is read: a pid planted by another user is never reported.
            final String text = channel == null ? "" : readHolder(channel);
            return text.isEmpty() ? -1 : Long.parseLong(text);
        }
        catch (final IOException | NumberFormatException | UntrustedFileException ex)
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
                clearHolder(channel);
                LOG.log(System.Logger.Level.DEBUG, () -> "released lease " + file);
                closeQuietly(channel);
            }
        }
    }

    /**
     * Empties a lease file we still hold locked, so the next holder knows this one left cleanly (and
     * logs "acquired", not "took over"); a holder that died leaves its pid behind.
     */
    private static void clearHolder(final FileChannel channel)
    {
        try
        {
            channel.truncate(0);
        }
        catch (final IOException ignored)
        {
            // the lease is released either way; only the next holder's log line differs
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
