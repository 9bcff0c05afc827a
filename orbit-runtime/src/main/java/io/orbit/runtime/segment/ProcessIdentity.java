package io.orbit.runtime.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The effective uid and pid of this process, which name segments and leases.
 */
public final class ProcessIdentity
{
    private static final int UID = readEffectiveUid();

    private ProcessIdentity()
    {
    }

    /**
     * @return the effective uid; part of every segment name.
     */
    public static int uid()
    {
        return UID;
    }

    /**
     * @return this process's pid.
     */
    public static long pid()
    {
        return ProcessHandle.current().pid();
    }

    private static int readEffectiveUid()
    {
        try
        {
            // /proc/self is owned by the effective uid on Linux.
            final Path procSelf = Path.of("/proc/self");
            if (Files.exists(procSelf))
            {
                return (Integer)Files.getAttribute(procSelf, "unix:uid");
            }
            // Elsewhere a new file is owned by the effective uid.
            final Path probe = Files.createTempFile("orbit-uid", ".probe");
            try
            {
                return (Integer)Files.getAttribute(probe, "unix:uid");
            }
            finally
            {
                Files.deleteIfExists(probe);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot determine the effective uid", ex);
        }
    }
}
