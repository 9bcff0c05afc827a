package io.orbit.runtime.exceptions;

/**
 * The shared-memory directory ({@code /dev/shm} or {@code -Dorbit.shm.dir}) is missing, is not a
 * directory, or is writable by other users without the sticky bit (so another user could replace
 * this uid's files).
 */
public final class ShmDirectoryException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public ShmDirectoryException(final String message)
    {
        super(message);
    }
}
