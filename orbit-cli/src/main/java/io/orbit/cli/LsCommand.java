package io.orbit.cli;

import io.orbit.runtime.inspect.DirectoryListing;
import io.orbit.runtime.inspect.FleetDirectory;
import io.orbit.runtime.inspect.FleetFiles;
import io.orbit.runtime.inspect.LeaseFile;
import io.orbit.runtime.inspect.SegmentFile;
import io.orbit.runtime.inspect.SegmentType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code orbit ls}: the fleets of a directory, their segments and node leases, and stray files.
 */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List fleets: segments, node leases, stale files.")
final class LsCommand implements Callable<Integer>
{
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final Path directory = options.existingDirectory();
        final DirectoryListing listing = FleetDirectory.list(directory);
        final Instant now = Instant.now();
        final PrintWriter out = spec.commandLine().getOut();
        if (options.json)
        {
            final Map<String, Object> document = new LinkedHashMap<>();
            document.put("directory", directory.toString());
            final List<Object> fleets = new ArrayList<>();
            for (final FleetFiles fleet : listing.fleets())
            {
                fleets.add(fleetJson(fleet, now));
            }
            document.put("fleets", fleets);
            document.put("unparsed", listing.unparsed().stream().map(Path::toString).toList());
            out.println(Json.write(document));
            return ExitCodes.OK;
        }
        if (listing.fleets().isEmpty() && listing.unparsed().isEmpty())
        {
            out.println("no Orbit files in " + directory);
        }
        for (final FleetFiles fleet : listing.fleets())
        {
            out.printf("fleet %s (uid %d): %s, %d segments, %s%n", fleet.name(), fleet.uid(),
                fleet.anyAlive() ? "alive" : "no live node", fleet.segments().size(), Text.bytes(fleet.bytes()));
            for (final LeaseFile lease : fleet.leases())
            {
                out.printf("  node %-5d %-5s pid %s%n", lease.node(), lease.alive() ? "live" : "dead",
                    lease.pid() < 0 ? "-" : Long.toString(lease.pid()));
            }
            if (!fleet.segments().isEmpty())
            {
                out.printf("  %-5s %-15s %-9s %9s %8s %6s %10s %6s %8s  %s%n",
                    "KIND", "TYPE", "TOPOLOGY", "CAPACITY", "PAYLOAD", "LANES", "SIZE", "OWNER", "AGE", "FILE");
            }
            for (final SegmentFile segment : fleet.segments())
            {
                final boolean ring = segment.ring() != null;
                out.printf("  %-5d %-15s %-9s %9s %8s %6s %10s %6d %8s  %s%s%n", segment.kind(), segment.type(),
                    ring ? String.valueOf(segment.ring().topology()) : "-",
                    ring ? Long.toString(segment.ring().capacity()) : segment.slots() > 0 ? segment.slots() + " slots" : "-",
                    ring ? Integer.toString(segment.ring().payloadCapacity()) : "-",
                    ring ? Integer.toString(segment.ring().laneCount()) : "-",
                    Text.bytes(segment.size()), segment.ownerUid(), Text.age(Duration.between(segment.modified(), now)),
                    segment.path().getFileName(), segment.problem().isEmpty() ? "" : "  (" + segment.problem() + ")");
            }
        }
        for (final Path stray : listing.unparsed())
        {
            out.println("stale file (name does not parse): " + stray);
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> fleetJson(final FleetFiles fleet, final Instant now)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", fleet.name());
        json.put("uid", fleet.uid());
        json.put("alive", fleet.anyAlive());
        json.put("bytes", fleet.bytes());
        final List<Object> segments = new ArrayList<>();
        for (final SegmentFile segment : fleet.segments())
        {
            final Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", segment.kind());
            s.put("type", segment.type().name());
            s.put("file", segment.path().toString());
            s.put("size", segment.size());
            s.put("ownerUid", segment.ownerUid());
            s.put("ageMs", Duration.between(segment.modified(), now).toMillis());
            if (segment.ring() != null)
            {
                s.put("topology", String.valueOf(segment.ring().topology()));
                s.put("capacity", segment.ring().capacity());
                s.put("payloadCapacity", segment.ring().payloadCapacity());
                s.put("lanes", segment.ring().laneCount());
            }
            if (segment.slots() > 0)
            {
                s.put("slots", segment.slots());
            }
            s.put("stale", segment.type() == SegmentType.STALE);
            s.put("temporary", segment.type() == SegmentType.INITIALISING);
            s.put("problem", segment.problem());
            segments.add(s);
        }
        json.put("segments", segments);
        final List<Object> nodes = new ArrayList<>();
        for (final LeaseFile lease : fleet.leases())
        {
            final Map<String, Object> n = new LinkedHashMap<>();
            n.put("node", lease.node());
            n.put("alive", lease.alive());
            n.put("pid", lease.pid());
            n.put("file", lease.path().toString());
            nodes.add(n);
        }
        json.put("nodes", nodes);
        return json;
    }
}
