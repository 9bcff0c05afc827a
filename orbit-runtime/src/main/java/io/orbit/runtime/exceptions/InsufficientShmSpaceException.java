package io.orbit.runtime.exceptions;

/**
 * The shared-memory directory has too little free space for a new segment. Raised at join (when
 * the segment is created), never later: every byte of a segment is allocated before it is
 * published, so a full tmpfs can never fault a write (SIGBUS) afterwards. The message names the
 * directory, the bytes needed and free, and the fixes (a larger {@code /dev/shm}, e.g. Docker's
 * {@code --shm-size}, or another directory through {@code -Dorbit.shm.dir}).
 */
public final class InsufficientShmSpaceException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    private final long needed;
    private final long free;

    /**
     * @param message names the directory, the segment, the bytes needed and free and the fixes.
     * @param needed  bytes the segment needs.
     * @param free    bytes found free (usable) in the directory.
     * @param cause   the failed write, or null when the check before creation refused.
     */
    public InsufficientShmSpaceException(final String message, final long needed, final long free, final Throwable cause)
    {
        super(message, cause);
        this.needed = needed;
        this.free = free;
    }

    /**
     * @return bytes the segment needs.
     */
    public long needed()
    {
        return needed;
    }

    /**
     * @return bytes found free in the directory.
     */
    public long free()
    {
        return free;
    }
}
