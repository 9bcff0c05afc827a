package io.orbit.runtime.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * What {@code lstat} says about a path, without following a symbolic link: type, owner, mode,
 * inode, size and modification time. Read before anything opens the path.
 */
public final class FileFacts
{
    private static final int TYPE_MASK = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;
    private static final int SYMLINK = 0120000;
    private static final int FIFO = 0010000;
    private static final int SOCKET = 0140000;
    private static final int STICKY = 01000;

    private final int uid;
    private final int mode;
    private final long inode;
    private final long size;
    private final long modifiedMillis;

    private FileFacts(final int uid, final int mode, final long inode, final long size, final long modifiedMillis)
    {
        this.uid = uid;
        this.mode = mode;
        this.inode = inode;
        this.size = size;
        this.modifiedMillis = modifiedMillis;
    }

    /**
     * @param path the path to inspect; a symbolic link is described, never followed.
     * @return its facts, or null when nothing is at the path.
     * @throws IOException when the path cannot be inspected.
     */
    public static FileFacts read(final Path path) throws IOException
    {
        try
        {
            final Map<String, Object> unix = Files.readAttributes(path, "unix:uid,mode,ino,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
            return new FileFacts((Integer)unix.get("uid"), (Integer)unix.get("mode"), (Long)unix.get("ino"),
                (Long)unix.get("size"), ((FileTime)unix.get("lastModifiedTime")).toMillis());
        }
        catch (final NoSuchFileException ex)
        {
            return null;
        }
    }

    /**
     * @return the owner uid (of the link itself for a symbolic link).
     */
    public int uid()
    {
        return uid;
    }

    /**
     * @return the permission bits, e.g. {@code 0600} (octal; type bits removed).
     */
    public int permissions()
    {
        return mode & 07777;
    }

    /**
     * @return the inode number, to tell whether a name still points to the file opened earlier.
     */
    public long inode()
    {
        return inode;
    }

    /**
     * @return the size in bytes.
     */
    public long size()
    {
        return size;
    }

    /**
     * @return the last modification time, epoch milliseconds.
     */
    public long modifiedMillis()
    {
        return modifiedMillis;
    }

    /**
     * @return true for a regular file.
     */
    public boolean isRegularFile()
    {
        return (mode & TYPE_MASK) == REGULAR;
    }

    /**
     * @return true for a directory.
     */
    public boolean isDirectory()
    {
        return (mode & TYPE_MASK) == DIRECTORY;
    }

    /**
     * @return true for a directory with the sticky bit: only a file's owner (or root) may remove or rename it.
     */
    public boolean isSticky()
    {
        return (mode & STICKY) != 0;
    }

    /**
     * @return "regular file", "symbolic link", "FIFO", "directory", "socket" or "device".
     */
    public String typeName()
    {
        switch (mode & TYPE_MASK)
        {
            case REGULAR:
                return "regular file";
            case SYMLINK:
                return "symbolic link";
            case FIFO:
                return "FIFO";
            case DIRECTORY:
                return "directory";
            case SOCKET:
                return "socket";
            default:
                return "device";
        }
    }

    /**
     * @return the permission bits as octal text, e.g. {@code 0600}.
     */
    public String modeText()
    {
        return String.format("0%03o", permissions());
    }
}
