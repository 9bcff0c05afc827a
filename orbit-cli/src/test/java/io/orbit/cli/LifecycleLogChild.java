package io.orbit.cli;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.fleet.SegmentNames;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Goes through every lifecycle event once (lease taken over from a dead pid, segment created,
 * attached, refused, ring reset, lease released, fleet cleaned) and prints the log records
 * {@link RecordingLoggerFinder} kept, one {@code LOG ...} line each.
 */
public final class LifecycleLogChild
{
    private LifecycleLogChild()
    {
    }

    /**
     * @param args fleet name.
     * @throws IOException when the stale lease file cannot be written.
     */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public static void main(final String[] args) throws IOException
    {
        final String name = args[0];
        // A lease file left by a process that no longer exists (pids never reach this value).
        final Path stale = OrbitProperties.directory().resolve(SegmentNames.nodeLease(name, 1));
        Files.writeString(stale, "2147483646\n");
        Files.setPosixFilePermissions(stale, OWNER_ONLY); // a lease file of ours, as the runtime demands
        try (Fleet first = Fleet.joinShmAs(name, 2, 0);
             Fleet second = Fleet.joinShmAs(name, 2, 1))
        {
            final Ring ring = first.ring(RingSpec.perNode(40, 8, 16));
            second.ring(RingSpec.perNode(40, 8, 16));
            try (Fleet other = Fleet.joinShmAs(name + "x", 3, 0))
            {
                final Path copy = OrbitProperties.directory().resolve(SegmentNames.segment(name + "x", 40));
                Files.copy(OrbitProperties.directory().resolve(SegmentNames.segment(name, 40)), copy);
                Files.setPosixFilePermissions(copy, OWNER_ONLY); // ours: refused for its layout, not its mode
                other.ring(RingSpec.perNode(40, 8, 16));
            }
            catch (final SegmentLayoutException expected)
            {
                // lane_count 2 found where 3 was expected: the refusal under test
            }
            ring.reset(true);
        }
        Fleet.removeSegments(name);
        Fleet.removeSegments(name + "x");
        RecordingLoggerFinder.RECORDS.forEach(record -> System.out.println("LOG " + record));
        System.out.println("END");
    }
}
