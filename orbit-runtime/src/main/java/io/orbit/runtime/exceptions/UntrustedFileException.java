package io.orbit.runtime.exceptions;

import java.nio.file.Path;

/**
 * A file at a segment or lease path is not one this process may use: not a regular file (a
 * symbolic link, FIFO, directory, socket or device), owned by another uid, or with group/other
 * permission bits. Nothing was read from or written through it. The message names the path, what
 * was found (type, owner uid, mode) and what to do.
 */
public final class UntrustedFileException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final int ownerUid;
    private final int mode;

    /**
     * @param message  names the path, the owner, the mode and the fix.
     * @param path     the refused path.
     * @param ownerUid the uid owning what is at the path (of the link itself for a symbolic link).
     * @param mode     its permission bits, e.g. {@code 0666}.
     */
    public UntrustedFileException(final String message, final Path path, final int ownerUid, final int mode)
    {
        super(message);
        this.path = path;
        this.ownerUid = ownerUid;
        this.mode = mode;
    }

    /**
     * @return the refused path.
     */
    public Path path()
    {
        return path;
    }

    /**
     * @return the uid owning what is at the path.
     */
    public int ownerUid()
    {
        return ownerUid;
    }

    /**
     * @return its permission bits (octal 0777 mask).
     */
    public int mode()
    {
        return mode;
    }
}
