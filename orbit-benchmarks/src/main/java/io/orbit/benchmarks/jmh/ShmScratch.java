package io.orbit.benchmarks.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private directory in /dev/shm for one benchmark trial: Orbit segments and the Agrona buffers
 * it is compared with live in the same kind of memory.
 */
final class ShmScratch
{
    private final Path directory;

    ShmScratch()
    {
        try
        {
            final Path root = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
            directory = Files.createTempDirectory(root, "orbit-bench-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    Path directory()
    {
        return directory;
    }

    String fleetName()
    {
        return "bench" + ProcessHandle.current().pid() + "_" + (System.nanoTime() % 1_000_000);
    }

    void delete()
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
