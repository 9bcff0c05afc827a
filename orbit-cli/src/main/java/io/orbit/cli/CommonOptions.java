package io.orbit.cli;

import io.orbit.runtime.OrbitProperties;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Options every command takes.
 */
final class CommonOptions
{
    @Option(names = "--dir", paramLabel = "DIR",
        description = "shared-memory directory (default: the orbit.shm.dir property, else /dev/shm)")
    Path dir;

    @Option(names = "--json", description = "print one JSON document (schema: docs/cli.md)")
    boolean json;

    Path directory()
    {
        return dir != null ? dir : OrbitProperties.directory();
    }

    /**
     * @throws CliException (exit {@link ExitCodes#NOT_FOUND}) when the directory is missing.
     */
    Path existingDirectory()
    {
        final Path directory = directory();
        if (!Files.isDirectory(directory))
        {
            throw new CliException(ExitCodes.NOT_FOUND, "shared-memory directory " + directory
                + " does not exist (set --dir or -Dorbit.shm.dir; 'orbit doctor' checks it)");
        }
        return directory;
    }
}
