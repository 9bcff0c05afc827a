package io.orbit.runtime.segment;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.ShmDirectoryException;
import io.orbit.runtime.exceptions.UntrustedFileException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The trust rule of the shared-memory directory, which every local user can write to: a segment or
 * lease file is used only when {@code lstat} finds a regular file owned by this process's
 * effective uid with mode 0600, and it is opened without following links. Why checking the name
 * and then opening it is enough: in a sticky directory ({@code /dev/shm}) only the owner (this
 * uid) or root can remove or rename a file of this uid, so another user cannot swap it between the
 * check and the open; in a private directory no other user can enter at all. A directory that is
 * writable by others without the sticky bit is refused ({@link #checkDirectory}).
 */
public final class OwnedFiles
{
    /** Owner read/write only: segments and lock files are private to one uid. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_ATTRIBUTE =
        PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    private static final int OWNER_READ_WRITE = 0600;
    private static final int OTHERS_WRITE = 0002;

    private OwnedFiles()
    {
    }

    /**
     * Refuses a shared-memory directory that is missing, not a directory, or writable by other
     * users without the sticky bit.
     *
     * @param directory the directory of a fleet's files.
     * @param user      what needs it, e.g. {@code "fleet demo"}, for the message.
     * @throws ShmDirectoryException naming the directory and the fix.
     */
    public static void checkDirectory(final Path directory, final String user)
    {
        final FileFacts facts;
        try
        {
            facts = FileFacts.read(directory);
        }
        catch (final IOException ex)
        {
            throw new ShmDirectoryException(user + ": cannot inspect the shared-memory directory " + directory + ": " + ex);
        }
        if (facts == null || !facts.isDirectory())
        {
            // A symbolic link to a directory is fine here: the directory itself is the user's choice.
            if (facts != null && Files.isDirectory(directory))
            {
                return;
            }
            throw new ShmDirectoryException(user + ": the shared-memory directory " + directory + (facts == null ? " does not exist" : " is a "
                + facts.typeName() + ", not a directory") + " (set by -D" + OrbitProperties.DIRECTORY_PROPERTY + ", default "
                + OrbitProperties.DEFAULT_DIRECTORY + "); create it (mkdir -m 700 " + directory + ") or point -D"
                + OrbitProperties.DIRECTORY_PROPERTY + " at an existing directory");
        }
        if ((facts.permissions() & OTHERS_WRITE) != 0 && !facts.isSticky())
        {
            throw new ShmDirectoryException(user + ": the shared-memory directory " + directory + " has mode " + facts.modeText()
                + ": any user may write to it and, without the sticky bit, remove or replace this uid's segments; "
                + "chmod +t " + directory + " (as /dev/shm is) or use a private directory (mkdir -m 700 DIR; -D"
                + OrbitProperties.DIRECTORY_PROPERTY + "=DIR)");
        }
    }

    /**
     * @param path  the file.
     * @param facts what {@link FileFacts#read} found there.
     * @param role  what the file should be, e.g. {@code "segment"} or {@code "node lease file"}.
     * @throws UntrustedFileException unless it is a regular file of this uid with mode 0600.
     */
    public static void requireOurs(final Path path, final FileFacts facts, final String role)
    {
        final int self = ProcessIdentity.uid();
        final String found = role + " " + path + " is a " + facts.typeName() + " owned by uid " + facts.uid() + " with mode "
            + facts.modeText();
        if (!facts.isRegularFile())
        {
            throw new UntrustedFileException("refusing " + found + "; Orbit uses only regular files of its own uid (" + self
                + ") with mode 0600 and never follows links or opens FIFOs, directories or devices in the shared-memory "
                + "directory. Nothing was read or written. " + fix(path, facts), path, facts.uid(), facts.permissions());
        }
        if (facts.uid() != self)
        {
            throw new UntrustedFileException("refusing " + found + ": this process runs as uid " + self + " and uses only files "
                + "of its own uid with mode 0600 (another user may have planted it to read or inject frames). Nothing was "
                + "read or written. " + fix(path, facts), path, facts.uid(), facts.permissions());
        }
        if (facts.permissions() != OWNER_READ_WRITE)
        {
            throw new UntrustedFileException("refusing " + found + ": Orbit requires mode 0600 (no group or other access, "
                + "so no other user could have read or written it). If you made it, check its content is yours and run "
                + "chmod 600 " + path + ", or remove it (Fleet.removeSegments(fleet), or rm " + path + ")",
                path, facts.uid(), facts.permissions());
        }
    }

    /**
     * Inspects and verifies a file, then opens it for reading and writing without following links
     * (and without truncating).
     *
     * @param path the file.
     * @param role what the file should be, for messages.
     * @return the open channel, or null when nothing is at the path.
     * @throws IOException when the open fails.
     * @throws UntrustedFileException when the file is not ours.
     */
    public static FileChannel openOurs(final Path path, final String role) throws IOException
    {
        final FileFacts facts = FileFacts.read(path);
        if (facts == null)
        {
            return null;
        }
        requireOurs(path, facts, role);
        return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Creates a new file exclusively (fails when anything, even a dangling link, is at the path),
     * without following links, with mode 0600 set again after creation so the umask cannot change it.
     *
     * @param path the file to create.
     * @return the open channel.
     * @throws java.nio.file.FileAlreadyExistsException when something is at the path.
     * @throws IOException when the file cannot be created.
     */
    public static FileChannel createExclusive(final Path path) throws IOException
    {
        final FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), OWNER_ONLY_ATTRIBUTE);
        try
        {
            // Our own new file: a sticky directory keeps others from swapping it before the chmod.
            Files.setPosixFilePermissions(path, OWNER_ONLY);
            return channel;
        }
        catch (final IOException | RuntimeException ex)
        {
            channel.close();
            throw ex;
        }
    }

    /**
     * Names the real way out: a file of this uid can be removed; a file of another uid in a sticky
     * directory cannot, so the user is sent to its owner, root, or a private directory.
     */
    private static String fix(final Path path, final FileFacts facts)
    {
        if (facts.uid() == ProcessIdentity.uid())
        {
            return "Remove it if it is not in use (rm " + path + "), or run Fleet.removeSegments(fleet) once the fleet is stopped.";
        }
        final String privateDir = "use a private directory for this fleet (mkdir -m 700 DIR; -D" + OrbitProperties.DIRECTORY_PROPERTY
            + "=DIR), where no other user can plant files.";
        if (ProcessIdentity.uid() == 0)
        {
            return "As root you may remove it once you know who planted it (rm " + path + "), or " + privateDir;
        }
        FileFacts parent = null;
        try
        {
            parent = FileFacts.read(path.getParent());
        }
        catch (final IOException ignored)
        {
            // Without the directory's mode the advice below still holds.
        }
        if (parent != null && parent.isSticky())
        {
            return "The directory is sticky, so this uid cannot remove it: ask uid " + facts.uid() + " or root to remove it, or "
                + privateDir;
        }
        if (!Files.isWritable(path.getParent()))
        {
            return "This uid may not write the directory, so it cannot remove it: ask uid " + facts.uid() + " or root to remove it, or "
                + privateDir;
        }
        return "The directory lets this uid remove it (rm " + path + "), or " + privateDir;
    }

    /**
     * @return a message for a failed open naming the path and the cause.
     */
    static OrbitException failure(final String action, final Path file, final IOException cause)
    {
        if (cause instanceof java.nio.file.AccessDeniedException)
        {
            return new OrbitException(action + " " + file + ": permission denied (segments and lease files are private to "
                + "the uid that created them, mode 0600; this process runs as uid " + ProcessIdentity.uid() + ")", cause);
        }
        return new OrbitException(action + " " + file + ": " + cause, cause);
    }
}
