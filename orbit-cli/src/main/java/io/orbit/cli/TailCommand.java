package io.orbit.cli;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.event.EventFrames;
import io.orbit.runtime.event.OrbitEvent;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.inspect.FleetFiles;
import io.orbit.runtime.inspect.SegmentFile;
import io.orbit.runtime.inspect.SegmentType;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.PollStats;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code orbit tail FLEET}: follows one ring of an existing fleet through a read-only mapping. Never
 * creates a segment and never takes a lease, so a fleet that does not exist is reported at once.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Print a ring's frames as they are published (typed records decoded when their codec is on the class path).")
final class TailCommand implements Callable<Integer>
{
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FLEET", description = "fleet name")
    String fleet;

    @ArgGroup(exclusive = true)
    Target target;

    @Option(names = "--from-start", description = "start at the oldest retained frame instead of the head")
    boolean fromStart;

    @Option(names = "--count", paramLabel = "N", description = "stop after N frames")
    long count = -1;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "stop after this long (e.g. 5s, 500ms, PT1M); default: never")
    Duration timeout;

    static final class Target
    {
        @Option(names = "--kind", paramLabel = "K", description = "the ring's KIND")
        int kind = -1;

        @Option(names = "--events", description = "the event bus (KIND 220), events decoded")
        boolean events;
    }

    @Override
    public Integer call()
    {
        final Path directory = options.existingDirectory();
        final FleetFiles files = Fleets.find(directory, fleet);
        final int kind = chooseKind(files);
        final SegmentFile file = files.segment(kind);
        if (file == null || file.type() != SegmentType.RING)
        {
            throw new CliException(ExitCodes.NOT_FOUND, "fleet " + fleet + " has no ring of KIND " + kind + " in " + directory
                + " (rings: " + ringKinds(files) + ")");
        }
        final Ring ring = Segments.ring(directory, fleet, file.path());
        final OrbitCodec<?> codec = Codecs.onClassPath(Thread.currentThread().getContextClassLoader()).forKind(kind);
        final boolean decodeEvents = kind == OrbitEventBus.KIND;
        final boolean decodeRecords = codec != null && (codec.ringSpec().fingerprint() == 0 || ring.spec().fingerprint() == 0
            || codec.ringSpec().fingerprint() == ring.spec().fingerprint());
        final PrintWriter out = spec.commandLine().getOut();
        if (!options.json)
        {
            out.println("tailing fleet " + fleet + " KIND " + kind + " (" + Segments.role(kind, codec) + ", "
                + ring.laneCount() + " lanes)" + (codec != null && !decodeRecords ? "; " + codec.type().getName()
                + " on the class path has another layout fingerprint, payloads shown raw" : ""));
            out.flush();
        }
        final RingCursor cursor = fromStart ? ring.cursorFromStart() : ring.cursorAtHead();
        final List<Object> frames = new ArrayList<>();
        final long[] seen = new long[1];
        final long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        long overwritten = 0;
        long abandoned = 0;
        long corrupt = 0;
        while ((count < 0 || seen[0] < count) && System.nanoTime() - deadline < 0)
        {
            final PollStats stats = cursor.poll(frame ->
            {
                if (count >= 0 && seen[0] >= count)
                {
                    return;
                }
                seen[0]++;
                final Map<String, Object> f = frame(frame, decodeEvents, decodeRecords ? codec : null);
                if (options.json)
                {
                    frames.add(f);
                }
                else
                {
                    out.println(line(f));
                }
            });
            if (stats.lost() > 0)
            {
                overwritten += stats.overwritten();
                abandoned += stats.abandoned();
                corrupt += stats.corrupt();
                if (!options.json)
                {
                    out.println("lost " + stats.lost() + " frames (overwritten " + stats.overwritten() + ", abandoned "
                        + stats.abandoned() + ", corrupt " + stats.corrupt() + ")");
                }
            }
            out.flush();
            if (stats.movedPast() == 0)
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
        if (options.json)
        {
            final Map<String, Object> document = new LinkedHashMap<>();
            document.put("fleet", fleet);
            document.put("kind", kind);
            document.put("frames", frames);
            document.put("lost", Map.of("overwritten", overwritten, "abandoned", abandoned, "corrupt", corrupt));
            out.println(Json.write(document));
        }
        return ExitCodes.OK;
    }

    private int chooseKind(final FleetFiles files)
    {
        if (target != null && target.events)
        {
            return OrbitEventBus.KIND;
        }
        if (target != null && target.kind >= 0)
        {
            return target.kind;
        }
        final List<Integer> rings = ringKinds(files);
        if (rings.contains(OrbitEventBus.KIND))
        {
            return OrbitEventBus.KIND;
        }
        if (rings.size() == 1)
        {
            return rings.get(0);
        }
        throw new CliException(ExitCodes.USAGE, "fleet " + fleet + " has rings of KINDs " + rings + "; choose one with --kind K or --events");
    }

    private static List<Integer> ringKinds(final FleetFiles files)
    {
        return files.segments().stream().filter(s -> s.type() == SegmentType.RING).map(SegmentFile::kind).toList();
    }

    private static Map<String, Object> frame(final FrameView frame, final boolean events, final OrbitCodec<?> codec)
    {
        final Map<String, Object> f = new LinkedHashMap<>();
        final long id = frame.id();
        f.put("id", NetId64.kind(id) + ":" + NetId64.node(id) + ":" + frame.counter());
        f.put("lane", frame.lane());
        f.put("frameKind", frame.frameKind());
        f.put("version", frame.version());
        f.put("length", frame.payloadLength());
        final byte[] payload = new byte[frame.payloadLength()];
        frame.payload().getBytes(0, payload);
        if (events)
        {
            final OrbitEvent event = EventFrames.decode(frame).orElse(null);
            if (event != null)
            {
                f.put("topic", event.topic());
                f.put("payload", new String(event.payload(), StandardCharsets.UTF_8));
                f.put("timestampMs", event.timestampMs());
                return f;
            }
            f.put("undecodable", true);
        }
        if (codec != null)
        {
            try
            {
                f.put("record", String.valueOf(codec.decoder().decode(frame.payload(), 0, frame.payloadLength())));
                return f;
            }
            catch (final RuntimeException ex)
            {
                f.put("undecodable", true);
            }
        }
        f.put("payload", Text.preview(payload, 64));
        return f;
    }

    private static String line(final Map<String, Object> f)
    {
        final StringBuilder line = new StringBuilder();
        line.append(f.get("id")).append(" fk=").append(f.get("frameKind")).append(" v=").append(f.get("version"))
            .append(" len=").append(f.get("length"));
        if (f.containsKey("topic"))
        {
            line.append(" topic=").append(f.get("topic")).append(" ").append(Text.preview(
                String.valueOf(f.get("payload")).getBytes(StandardCharsets.UTF_8), 200));
        }
        else if (f.containsKey("record"))
        {
            line.append(" ").append(f.get("record"));
        }
        else
        {
            line.append(" ").append(f.get("payload"));
        }
        return line.toString();
    }

    /** Durations as {@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 ({@code PT5S}). */
    static final class DurationConverter implements ITypeConverter<Duration>
    {
        @Override
        public Duration convert(final String value)
        {
            final String text = value.trim().toLowerCase(java.util.Locale.ROOT);
            if (text.startsWith("pt") || text.startsWith("p"))
            {
                return Duration.parse(value.trim());
            }
            if (text.endsWith("ms"))
            {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s"))
            {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m"))
            {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(text));
        }
    }
}
