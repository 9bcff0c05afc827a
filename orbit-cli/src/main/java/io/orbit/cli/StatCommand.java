package io.orbit.cli;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.contest.ContestInspection;
import io.orbit.runtime.contest.Holder;
import io.orbit.runtime.fleet.NodeLeaseProbe;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.heartbeat.HeartbeatSnapshot;
import io.orbit.runtime.heartbeat.NodeHeartbeat;
import io.orbit.runtime.inspect.FleetFiles;
import io.orbit.runtime.inspect.RingHeader;
import io.orbit.runtime.inspect.SegmentFile;
import io.orbit.runtime.inspect.SegmentType;
import io.orbit.runtime.ring.Ring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code orbit stat FLEET}: every segment's header and state, read through read-only mappings.
 */
@Command(name = "stat", mixinStandardHelpOptions = true,
    description = "Show a fleet's rings (lane heads, version counter, fingerprint), heartbeats, contest holders, cache.")
final class StatCommand implements Callable<Integer>
{
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FLEET", description = "fleet name")
    String fleet;

    @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "PT1S",
        description = "heartbeat age up to which a node is LIVE (ISO-8601, default PT1S)")
    Duration maxAge;

    @Override
    public Integer call()
    {
        final Path directory = options.existingDirectory();
        final FleetFiles files = Fleets.find(directory, fleet);
        final Codecs codecs = Codecs.onClassPath(Thread.currentThread().getContextClassLoader());
        final List<Object> segments = new ArrayList<>();
        for (final SegmentFile file : files.segments())
        {
            final Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", file.kind());
            s.put("type", file.type().name());
            s.put("file", file.path().toString());
            if (file.type() == SegmentType.RING)
            {
                ring(directory, file, codecs.forKind(file.kind()), s);
            }
            else if (file.type() == SegmentType.HEARTBEAT_TABLE)
            {
                heartbeat(directory, file, s);
            }
            else if (file.type() == SegmentType.CONTEST_TABLE)
            {
                contest(file, s);
            }
            else
            {
                s.put("problem", file.problem());
            }
            segments.add(s);
        }
        final Map<String, Object> document = new LinkedHashMap<>();
        document.put("fleet", fleet);
        document.put("directory", directory.toString());
        document.put("alive", files.anyAlive());
        final List<Object> nodes = new ArrayList<>();
        files.leases().forEach(lease -> nodes.add(Map.of("node", lease.node(), "alive", lease.alive(), "pid", lease.pid())));
        document.put("nodes", nodes);
        document.put("segments", segments);
        final PrintWriter out = spec.commandLine().getOut();
        if (options.json)
        {
            out.println(Json.write(document));
        }
        else
        {
            printText(out, document);
        }
        return ExitCodes.OK;
    }

    private void ring(final Path directory, final SegmentFile file, final OrbitCodec<?> codec, final Map<String, Object> s)
    {
        final Ring ring = Segments.ring(directory, fleet, file.path());
        final RingHeader header = file.ring();
        s.put("role", Segments.role(file.kind(), codec));
        s.put("topology", ring.spec().topology().name());
        s.put("capacity", ring.capacity());
        s.put("payloadCapacity", ring.payloadCapacity());
        s.put("slotStride", header.slotStride());
        s.put("lanes", ring.laneCount());
        s.put("fingerprint", String.format("0x%016x", ring.spec().fingerprint()));
        s.put("layoutVersion", header.layoutVersion());
        s.put("versionCounter", ring.currentVersion());
        s.put("resetGeneration", header.resetGeneration());
        final List<Object> heads = new ArrayList<>();
        long retained = 0;
        for (int lane = 0; lane < ring.laneCount(); lane++)
        {
            final long head = ring.head(lane);
            heads.add(head);
            retained += Math.min(head, ring.capacity());
        }
        s.put("laneHeads", heads);
        s.put("retainedFrames", retained);
        if (file.kind() == OrbitCache.KIND)
        {
            s.put("cacheMutationsRetained", retained);
        }
    }

    private void heartbeat(final Path directory, final SegmentFile file, final Map<String, Object> s)
    {
        final NodeLeaseProbe leases = new NodeLeaseProbe(fleet, directory);
        final HeartbeatSnapshot snapshot = FleetHeartbeat.inspect(
            Segments.map(file.path()).buffer(), leases::isAlive, maxAge, OrbitClock.system());
        final List<Object> nodes = new ArrayList<>();
        for (final NodeHeartbeat node : snapshot.nodes())
        {
            final Map<String, Object> n = new LinkedHashMap<>();
            n.put("node", node.node());
            n.put("state", node.state().name());
            n.put("beats", node.beats());
            n.put("ageMs", node.age().toMillis());
            n.put("pid", node.pid());
            n.put("incarnation", node.incarnation());
            n.put("leaseHeld", node.leaseHeld());
            nodes.add(n);
        }
        s.put("maxAgeMs", maxAge.toMillis());
        s.put("heartbeats", nodes);
    }

    private static void contest(final SegmentFile file, final Map<String, Object> s)
    {
        final ContestInspection table = ContestInspection.read(Segments.map(file.path()).buffer());
        final long now = OrbitClock.system().monotonicNanos();
        s.put("slots", table.slotCount());
        s.put("lastFenceToken", table.lastFenceToken());
        s.put("probeLimit", table.probeLimit());
        s.put("freeSlots", table.free());
        s.put("corruptSlots", table.corrupt());
        s.put("busySlots", table.busy());
        final List<Object> holders = new ArrayList<>();
        for (final Holder holder : table.holders())
        {
            final Map<String, Object> h = new LinkedHashMap<>();
            h.put("subjectType", holder.subjectType());
            h.put("label", holder.label());
            h.put("owner", holder.owner());
            h.put("node", holder.node());
            h.put("pid", holder.pid());
            h.put("fenceToken", holder.fenceToken());
            h.put("live", holder.isLiveAt(now));
            h.put("expiresInMs", Duration.ofNanos(holder.expiresAtNanos() - now).toMillis());
            holders.add(h);
        }
        s.put("holders", holders);
    }

    @SuppressWarnings("unchecked")
    private static void printText(final PrintWriter out, final Map<String, Object> document)
    {
        out.println("fleet " + document.get("fleet") + " in " + document.get("directory")
            + ((Boolean)document.get("alive") ? "" : " (no live node)"));
        for (final Object node : (List<Object>)document.get("nodes"))
        {
            final Map<String, Object> n = (Map<String, Object>)node;
            out.printf("  node %s: %s, pid %s%n", n.get("node"), (Boolean)n.get("alive") ? "live" : "dead", n.get("pid"));
        }
        for (final Object segment : (List<Object>)document.get("segments"))
        {
            final Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>)segment);
            out.println("KIND " + s.remove("kind") + " " + s.remove("type") + " " + s.remove("file"));
            final Object heartbeats = s.remove("heartbeats");
            final Object holders = s.remove("holders");
            s.forEach((key, value) -> out.println("  " + key + ": " + value));
            if (heartbeats != null)
            {
                out.printf("  %-6s %-8s %10s %8s %8s %6s%n", "NODE", "STATE", "BEATS", "AGE_MS", "PID", "INC");
                for (final Object entry : (List<Object>)heartbeats)
                {
                    final Map<String, Object> n = (Map<String, Object>)entry;
                    out.printf("  %-6s %-8s %10s %8s %8s %6s%n", n.get("node"), n.get("state"), n.get("beats"), n.get("ageMs"),
                        n.get("pid"), n.get("incarnation"));
                }
            }
            if (holders != null)
            {
                for (final Object entry : (List<Object>)holders)
                {
                    final Map<String, Object> h = (Map<String, Object>)entry;
                    out.printf("  holder type %s '%s' owner '%s' node %s pid %s token %s %s%n", h.get("subjectType"), h.get("label"),
                        h.get("owner"), h.get("node"), h.get("pid"), h.get("fenceToken"),
                        (Boolean)h.get("live") ? "live, " + h.get("expiresInMs") + " ms left" : "expired");
                }
            }
        }
    }
}
