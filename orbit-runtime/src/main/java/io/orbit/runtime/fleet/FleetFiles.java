package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.segment.FileFacts;
import io.orbit.runtime.segment.OwnedFiles;
import io.orbit.runtime.segment.ProcessIdentity;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Removal of a shared-memory fleet's files ({@link Fleet#removeSegments(String, Path)}): every
 * segment and lease file of the fleet that belongs to this uid, refused while any node holds its
 * lease, since removing files under live processes splits the fleet.
 */
final class FleetFiles
{
    private FleetFiles()
    {
    }

    /**
     * @param name      fleet name.
     * @param directory the fleet's directory.
     * @return the number of files removed.
     * @throws OrbitException while any node of the fleet is alive, or when the directory cannot be listed.
     */
    static int remove(final String name, final Path directory)
    {
        FleetName.validate(name);
        OwnedFiles.checkDirectory(directory, "fleet " + name);
        final FileNodeLeases leases = new FileNodeLeases(name, directory);
        final List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory))
        {
            for (final Path file : entries)
            {
                final String fileName = file.getFileName().toString();
                if (SegmentNames.belongsTo(name, fileName) && isOurs(file))
                {
                    files.add(file);
                    final int node = leaseFileNode(name, fileName);
                    if (node >= 0 && leases.isAlive(node))
                    {
                        throw new OrbitException("refusing to remove the segments of fleet " + name + " in " + directory
                            + ": node " + node + " is alive (pid " + leases.recordedPid(node) + ")");
                    }
                }
            }
            for (final Path file : files)
            {
                Files.deleteIfExists(file);
            }
            System.getLogger(Fleet.class.getName()).log(System.Logger.Level.DEBUG, () -> "removed " + files.size() + " files of fleet "
                + name + " from " + directory);
        }
        catch (final IOException ex)
        {
            throw new OrbitException("cannot remove the segments of fleet " + name + " in " + directory + ": " + ex, ex);
        }
        return files.size();
    }

    /** Only files of this uid are removed; a file another user planted is theirs to remove. */
    private static boolean isOurs(final Path file) throws IOException
    {
        final FileFacts facts = FileFacts.read(file);
        return facts != null && facts.uid() == ProcessIdentity.uid();
    }

    private static int leaseFileNode(final String fleet, final String fileName)
    {
        final String prefix = "orbit-" + fleet + "-node";
        if (!fileName.startsWith(prefix) || !fileName.endsWith(".lock"))
        {
            return -1;
        }
        final String rest = fileName.substring(prefix.length());
        final int dash = rest.indexOf('-');
        try
        {
            return dash < 0 ? -1 : Integer.parseInt(rest.substring(0, dash));
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
