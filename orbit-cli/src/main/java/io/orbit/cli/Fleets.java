package io.orbit.cli;

import io.orbit.runtime.inspect.DirectoryListing;
import io.orbit.runtime.inspect.FleetDirectory;
import io.orbit.runtime.inspect.FleetFiles;
import io.orbit.runtime.segment.ProcessIdentity;

import java.nio.file.Path;

/**
 * Finds the files of one fleet of this uid.
 */
final class Fleets
{
    private Fleets()
    {
    }

    static FleetFiles find(final Path directory, final String name)
    {
        final DirectoryListing listing = FleetDirectory.list(directory);
        return listing.fleet(name, ProcessIdentity.uid()).orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND,
            "no fleet " + name + " in " + directory + " (uid " + ProcessIdentity.uid() + "); 'orbit ls' lists the fleets there"));
    }
}
