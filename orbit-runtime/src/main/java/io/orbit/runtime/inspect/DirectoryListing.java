package io.orbit.runtime.inspect;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a shared-memory directory holds.
 *
 * @param directory the directory.
 * @param fleets    fleets with at least one file, by name then uid.
 * @param unparsed  files named {@code orbit-*} whose names do not parse as a segment or lease.
 */
public record DirectoryListing(Path directory, List<FleetFiles> fleets, List<Path> unparsed)
{
    /**
     * @param name fleet name.
     * @param uid  uid in the file names.
     * @return that fleet's files, if any.
     */
    public Optional<FleetFiles> fleet(final String name, final int uid)
    {
        return fleets.stream().filter(f -> f.name().equals(name) && f.uid() == uid).findFirst();
    }
}
