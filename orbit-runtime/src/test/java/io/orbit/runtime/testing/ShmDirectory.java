package io.orbit.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private directory of real shared memory ({@code /dev/shm/orbit-test-…}) for one test, so tests
 * map real tmpfs files without touching other fleets, and leave nothing behind.
 */
public final class ShmDirectory implements AutoCloseable
{
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path path;

    private ShmDirectory(final Path path)
    {
        this.path = path;
    }

    /**
     * @return a new, empty directory under /dev/shm (or the temp dir where /dev/shm is missing).
     */
    public static ShmDirectory create()
    {
        final Path root = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        try
        {
            return new ShmDirectory(Files.createTempDirectory(root, "orbit-test-"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return a fleet name unique to this JVM and moment, valid under the naming rule.
     */
    public static String uniqueFleetName()
    {
        return "t" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet() + "_" + (System.nanoTime() % 100_000);
    }

    /**
     * @return the directory.
     */
    public Path path()
    {
        return path;
    }

    /**
     * @param name a file name.
     * @return that file in the directory.
     */
    public Path resolve(final String name)
    {
        return path.resolve(name);
    }

    @Override
    public void close()
    {
        try (Stream<Path> files = Files.walk(path))
        {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
