package io.orbit.cli;

import io.orbit.runtime.inspect.DirectoryListing;
import io.orbit.runtime.inspect.FleetDirectory;
import io.orbit.runtime.inspect.FleetFiles;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code orbit doctor}: what the host and this JVM give Orbit. Exit 1 when a check fails.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "Check the shared-memory directory, its free space, kernel and process limits, and the JVM flag.")
final class DoctorCommand implements Callable<Integer>
{
    /** Docker's default /dev/shm size. */
    static final long DOCKER_SHM_BYTES = 64L * 1024 * 1024;
    /** The kernel default of vm.max_map_count; each open segment takes one mapping. */
    static final long MIN_MAP_COUNT = 65_530;
    static final long MIN_OPEN_FILES = 1024;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    private final List<Map<String, Object>> checks = new ArrayList<>();

    @Override
    public Integer call()
    {
        final Path directory = options.directory();
        directory(directory);
        limits();
        // Agrona is what reaches jdk.internal.misc (the module org.agrona on the module path).
        final boolean exported = Object.class.getModule().isExported("jdk.internal.misc", UnsafeBuffer.class.getModule());
        check("jvm-add-exports", exported ? "OK" : "FAIL", exported ? "jdk.internal.misc is exported to Orbit"
            : "run java with --add-exports java.base/jdk.internal.misc=ALL-UNNAMED (module path: "
                + "--add-exports java.base/jdk.internal.misc=org.agrona), or use the jar's Add-Exports manifest entry");
        final boolean failed = checks.stream().anyMatch(c -> "FAIL".equals(c.get("status")));
        final PrintWriter out = spec.commandLine().getOut();
        if (options.json)
        {
            final Map<String, Object> document = new LinkedHashMap<>();
            document.put("directory", directory.toString());
            document.put("ok", !failed);
            document.put("checks", checks);
            out.println(Json.write(document));
        }
        else
        {
            for (final Map<String, Object> c : checks)
            {
                out.printf("%-5s %-18s %s%n", c.get("status"), c.get("check"), c.get("detail"));
            }
        }
        return failed ? ExitCodes.REFUSED : ExitCodes.OK;
    }

    private void directory(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            check("shm-directory", "FAIL", directory + " does not exist"
                + (directory.toString().equals("/dev/shm") ? " (no /dev/shm on this OS, e.g. macOS: create a directory, "
                    + "ideally on a RAM disk, and pass -Dorbit.shm.dir=DIR to every JVM)" : "; create it or set -Dorbit.shm.dir"));
            return;
        }
        String permissions = "";
        try
        {
            permissions = " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(directory));
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            // Permissions are informative only.
        }
        final boolean writable = Files.isWritable(directory);
        check("shm-directory", writable ? "OK" : "FAIL", directory + (writable ? " exists and is writable" : " is not writable") + permissions);
        try
        {
            final FileStore store = Files.getFileStore(directory);
            final long total = store.getTotalSpace();
            final long free = store.getUsableSpace();
            final DirectoryListing listing = FleetDirectory.list(directory);
            final long used = listing.fleets().stream().mapToLong(FleetFiles::bytes).sum();
            final long largest = listing.fleets().stream().mapToLong(FleetFiles::bytes).max().orElse(0);
            check("free-space", free < largest ? "WARN" : "OK", Text.bytes(free) + " free of " + Text.bytes(total) + " (" + store.type()
                + "); " + listing.fleets().size() + " fleets use " + Text.bytes(used)
                + (free < largest ? ": not enough to create the largest fleet (" + Text.bytes(largest) + ") again" : ""));
            if (total > 0 && total <= DOCKER_SHM_BYTES)
            {
                check("shm-size", "WARN", directory + " is only " + Text.bytes(total)
                    + " (Docker's default); run the container with --shm-size=1g or mount a larger tmpfs");
            }
            final long dead = listing.fleets().stream().filter(f -> !f.anyAlive()).count();
            if (dead > 0)
            {
                check("dead-fleets", "WARN", dead + " fleets have no live node; 'orbit clean --dead' removes them");
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            check("free-space", "WARN", "cannot read the file store of " + directory + ": " + ex.getMessage());
        }
    }

    private void limits()
    {
        final long maps = readLong(Path.of("/proc/sys/vm/max_map_count"));
        if (maps < 0)
        {
            check("vm.max_map_count", "WARN", "cannot read /proc/sys/vm/max_map_count");
        }
        else
        {
            check("vm.max_map_count", maps < MIN_MAP_COUNT ? "WARN" : "OK", maps + " (each open segment is one mapping)");
        }
        final long files = openFileLimit();
        if (files < 0)
        {
            check("open-files", "WARN", "cannot read the open-file limit from /proc/self/limits");
        }
        else
        {
            check("open-files", files < MIN_OPEN_FILES ? "WARN" : "OK", files + " (soft limit; each node lease holds one file open)");
        }
    }

    private static long openFileLimit()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/limits")))
            {
                if (line.startsWith("Max open files"))
                {
                    final String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
        return -1;
    }

    private static long readLong(final Path file)
    {
        try
        {
            return Long.parseLong(Files.readString(file).trim());
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
    }

    private void check(final String name, final String status, final String detail)
    {
        final Map<String, Object> c = new LinkedHashMap<>();
        c.put("check", name);
        c.put("status", status);
        c.put("detail", detail);
        checks.add(c);
    }
}
