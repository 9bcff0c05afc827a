package io.orbit.benchmarks.latency;

import io.orbit.benchmarks.jmh.BenchLoad;
import io.orbit.benchmarks.jmh.BenchLoadCodec;
import io.orbit.benchmarks.jmh.BenchLoadOrbital;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.ExclusivePublisher;
import io.orbit.runtime.ring.FrameHandler;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.RingSpec;
import org.HdrHistogram.Histogram;
import org.agrona.IoUtil;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.broadcast.BroadcastBufferDescriptor;
import org.agrona.concurrent.broadcast.BroadcastReceiver;
import org.agrona.concurrent.broadcast.BroadcastTransmitter;
import org.agrona.concurrent.broadcast.CopyBroadcastReceiver;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Cross-process ping-pong round trips between two JVMs, one histogram per transport, all measured
 * the same way (same flags, same timer, same pinning):
 * <ul>
 *   <li>{@code raw}: the floor, one long flipped through a mapped /dev/shm file each way
 *       (release store, acquire spin), two cache lines apart;</li>
 *   <li>{@code orbit}: a PER_NODE ring, each side publishing on its lane and polling with a cursor;</li>
 *   <li>{@code typed}: the generated accessor of an 8-byte record, each side {@code store}s on its node
 *       and spins on {@code load(peer)} (the form users meet first; allocation-free while unchanged);</li>
 *   <li>{@code typed-view}: the same, spinning on the zero-allocation {@code loadIfNewer(peer, seen, view)};</li>
 *   <li>{@code agrona}: two Agrona broadcast buffers (one per direction), copy receivers.</li>
 * </ul>
 *
 * <p>{@code run [iterations] [warmup]} orchestrates every transport and payload size and prints one
 * table with each percentile's ratio to the floor, which is measured again right before every row
 * (this machine's vCPU round trip is bimodal and can switch modes between rows). The child roles are {@code ping} and {@code pong}.
 */
public final class LatencyHarness
{
    private static final String[] TRANSPORTS = {"raw", "orbit", "typed", "typed-view", "agrona"};
    private static final int[] PAYLOADS = {16, 256};
    private static final int PONG_OFFSET = 128;
    private static final int AGRONA_CAPACITY = 64 * 1024;

    private LatencyHarness()
    {
    }

    /**
     * @param args {@code run [iterations] [warmup]}, or a child role.
     * @throws Exception when a child fails.
     */
    public static void main(final String[] args) throws Exception
    {
        switch (args[0])
        {
            case "run" -> run(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000, args.length > 2 ? Integer.parseInt(args[2]) : 200_000);
            case "ping" -> ping(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "pong" -> pong(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("usage: run [iterations] [warmup]");
        }
    }

    // ------------------------------------------------------------------------------------ orchestrator

    private static void run(final int iterations, final int warmup) throws Exception
    {
        final List<String[]> rows = new ArrayList<>();
        for (final String transport : TRANSPORTS)
        {
            if (transport.equals("raw"))
            {
                continue;
            }
            for (final int payload : fixedPayload(transport) ? new int[] {8} : PAYLOADS)
            {
                // The vCPU round trip of this machine is bimodal and can switch between rows: each row gets its own floor, measured just before it.
                final double[] floor = measure("raw", 8, iterations, warmup);
                final double[] result = measure(transport, payload, iterations, warmup);
                rows.add(new String[] {"raw", "-", format(floor[0], floor[0]), format(floor[1], floor[1]), format(floor[2], floor[2]),
                    format(floor[3], floor[3])});
                rows.add(new String[] {transport, Integer.toString(payload), format(result[0], floor[0]), format(result[1], floor[1]),
                    format(result[2], floor[2]), format(result[3], floor[3])});
            }
        }
        System.out.printf("%nRound trip between two JVMs, ns (x = ratio to the raw floor measured just before the row); %d samples"
            + " after %d warm-up%n", iterations, warmup);
        System.out.printf("| %-10s | %-7s | %-16s | %-16s | %-16s | %-16s |%n", "transport", "payload", "p50", "p90", "p99", "p99.9");
        System.out.println("|------------|---------|------------------|------------------|------------------|------------------|");
        for (final String[] row : rows)
        {
            System.out.printf("| %-10s | %-7s | %-16s | %-16s | %-16s | %-16s |%n", (Object[])row);
        }
    }

    /** The floor and the typed rows carry one 8-byte value (the typed record's encoded length). */
    private static boolean fixedPayload(final String transport)
    {
        return transport.equals("raw") || transport.startsWith("typed");
    }

    private static String format(final double value, final double floor)
    {
        return String.format(Locale.ROOT, "%.0f (%.2fx)", value, value / floor);
    }

    private static double[] measure(final String transport, final int payload, final int iterations, final int warmup)
        throws IOException, InterruptedException
    {
        final Path dir = Files.createTempDirectory(Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of("/tmp"), "orbit-latency-");
        try
        {
            prepare(transport, dir);
            final Process pong = child("1", "pong", transport, dir.toString(), Integer.toString(payload), Integer.toString(iterations + warmup));
            final Process ping = child("0", "ping", transport, dir.toString(), Integer.toString(payload),
                Integer.toString(iterations), Integer.toString(warmup));
            String result = null;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(ping.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = reader.readLine()) != null)
                {
                    if (line.startsWith("RESULT "))
                    {
                        result = line.substring("RESULT ".length());
                    }
                }
            }
            if (ping.waitFor() != 0 || pong.waitFor() != 0 || result == null)
            {
                throw new IllegalStateException(transport + " " + payload + ": a child failed");
            }
            final String[] parts = result.split(" ");
            final double[] values = new double[parts.length];
            for (int i = 0; i < parts.length; i++)
            {
                values[i] = Double.parseDouble(parts[i]);
            }
            System.out.printf(Locale.ROOT, "%-6s %3d B: p50=%.0f p90=%.0f p99=%.0f p99.9=%.0f max=%.0f ns%n",
                transport, payload, values[0], values[1], values[2], values[3], values[4]);
            return values;
        }
        finally
        {
            try (Stream<Path> files = Files.walk(dir))
            {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** Files both children map, created before either starts so neither races the other's init. */
    private static void prepare(final String transport, final Path dir)
    {
        if (transport.equals("raw"))
        {
            IoUtil.unmap(IoUtil.mapNewFile(dir.resolve("raw").toFile(), 4096));
        }
        else if (transport.equals("agrona"))
        {
            for (final String name : new String[] {"ping2pong", "pong2ping"})
            {
                IoUtil.unmap(IoUtil.mapNewFile(dir.resolve(name).toFile(), AGRONA_CAPACITY + BroadcastBufferDescriptor.TRAILER_LENGTH));
            }
        }
    }

    private static Process child(final String cpu, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        if (new File("/usr/bin/taskset").canExecute() && Runtime.getRuntime().availableProcessors() >= 2)
        {
            command.addAll(List.of("/usr/bin/taskset", "-c", cpu));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms128m", "-Xmx128m",
            "-XX:+UseSerialGC", "-XX:+AlwaysPreTouch", "-cp", System.getProperty("java.class.path"), LatencyHarness.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    // --------------------------------------------------------------------------------------- children

    private static void ping(final String transport, final Path dir, final int payload, final int iterations, final int warmup)
    {
        final Histogram histogram = new Histogram(10_000_000_000L, 3);
        try (Endpoint endpoint = Endpoint.open(transport, dir, payload, true))
        {
            for (long i = 1; i <= (long)warmup + iterations; i++)
            {
                final long start = System.nanoTime();
                endpoint.send(i);
                while (endpoint.receive() != i)
                {
                    Thread.onSpinWait();
                }
                final long elapsed = System.nanoTime() - start;
                if (i > warmup)
                {
                    histogram.recordValue(elapsed);
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %d %d %d %d %d%n", histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
            histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }

    private static void pong(final String transport, final Path dir, final int payload, final int total)
    {
        try (Endpoint endpoint = Endpoint.open(transport, dir, payload, false))
        {
            long expected = 1;
            while (expected <= total)
            {
                final long value = endpoint.receive();
                if (value == expected)
                {
                    endpoint.send(value);
                    expected++;
                }
                else
                {
                    Thread.onSpinWait();
                }
            }
        }
    }

    /** One side of a ping-pong: send a sequence number, see the newest received one (0 = none). */
    private interface Endpoint extends AutoCloseable
    {
        void send(long sequence);

        long receive();

        @Override
        void close();

        static Endpoint open(final String transport, final Path dir, final int payload, final boolean pinger)
        {
            return switch (transport)
            {
                case "raw" -> new RawEndpoint(dir, pinger);
                case "orbit" -> new OrbitEndpoint(dir, payload, pinger);
                case "typed" -> new TypedEndpoint(dir, pinger, false);
                case "typed-view" -> new TypedEndpoint(dir, pinger, true);
                case "agrona" -> new AgronaEndpoint(dir, payload, pinger);
                default -> throw new IllegalArgumentException(transport);
            };
        }
    }

    /** The floor: one long per direction, release store and acquire load, two cache lines apart. */
    private static final class RawEndpoint implements Endpoint
    {
        private final MappedByteBuffer mapped;
        private final UnsafeBuffer buffer;
        private final int sendOffset;
        private final int receiveOffset;

        RawEndpoint(final Path dir, final boolean pinger)
        {
            mapped = IoUtil.mapExistingFile(dir.resolve("raw").toFile(), "raw");
            buffer = new UnsafeBuffer(mapped);
            sendOffset = pinger ? 0 : PONG_OFFSET;
            receiveOffset = pinger ? PONG_OFFSET : 0;
        }

        @Override
        public void send(final long sequence)
        {
            buffer.putLongRelease(sendOffset, sequence);
        }

        @Override
        public long receive()
        {
            return buffer.getLongAcquire(receiveOffset);
        }

        @Override
        public void close()
        {
            IoUtil.unmap(mapped);
        }
    }

    /** Orbit: node 0 pings on lane 0, node 1 pongs on lane 1; each polls with a cursor. */
    private static final class OrbitEndpoint implements Endpoint
    {
        private final Fleet fleet;
        private final Ring ring;
        private final ExclusivePublisher publisher;
        private final RingCursor cursor;
        private final UnsafeBuffer message;
        private final int payload;
        private final int peerLane;
        private long newest;
        private final FrameHandler handler;

        OrbitEndpoint(final Path dir, final int payload, final boolean pinger)
        {
            this.payload = payload;
            this.fleet = Fleet.joinShmAs("latency", 2, pinger ? 0 : 1, dir);
            this.ring = fleet.ring(RingSpec.perNode(1, 1024, 256));
            this.publisher = ring.exclusivePublisher(); // one sending thread per side
            this.cursor = ring.cursorFromStart(); // the peer may publish before this side joins
            this.message = new UnsafeBuffer(new byte[payload]);
            this.peerLane = pinger ? 1 : 0;
            this.handler = frame ->
            {
                if (frame.lane() == peerLane)
                {
                    newest = frame.payload().getLong(0);
                }
            };
        }

        @Override
        public void send(final long sequence)
        {
            message.putLong(0, sequence);
            publisher.publish(1, 0, message, 0, payload);
        }

        @Override
        public long receive()
        {
            cursor.poll(handler);
            return newest;
        }

        @Override
        public void close()
        {
            publisher.close();
            fleet.close();
        }
    }

    /**
     * Typed: node 0 pings, node 1 pongs, each storing an 8-byte record through the generated
     * accessor and spinning on the peer's newest value ({@code load(peer)}, or {@code loadIfNewer}).
     */
    private static final class TypedEndpoint implements Endpoint
    {
        private final Fleet fleet;
        private final BenchLoadOrbital orbital;
        private final FrameView view;
        private final boolean viaView;
        private final int peer;
        private long seen;
        private long newest;

        TypedEndpoint(final Path dir, final boolean pinger, final boolean viaView)
        {
            this.fleet = Fleet.joinShmAs("latency", 2, pinger ? 0 : 1, dir);
            this.orbital = BenchLoadOrbital.of(fleet);
            this.view = orbital.newView();
            this.viaView = viaView;
            this.peer = pinger ? 1 : 0;
        }

        @Override
        public void send(final long sequence)
        {
            orbital.store(new BenchLoad((int)sequence, 0));
        }

        @Override
        public long receive()
        {
            if (viaView)
            {
                if (orbital.loadIfNewer(peer, seen, view))
                {
                    seen = view.id();
                    newest = BenchLoadCodec.busy(view.payload(), 0);
                }
                return newest;
            }
            final Optional<BenchLoad> value = orbital.load(peer);
            return value.isPresent() ? value.get().busy() : 0;
        }

        @Override
        public void close()
        {
            fleet.close();
        }
    }

    /** Agrona: a broadcast buffer per direction, copy receivers. */
    private static final class AgronaEndpoint implements Endpoint
    {
        private final MappedByteBuffer out;
        private final MappedByteBuffer in;
        private final BroadcastTransmitter transmitter;
        private final CopyBroadcastReceiver receiver;
        private final UnsafeBuffer message;
        private final int payload;
        private long newest;
        private final MessageHandler handler = (type, buffer, index, length) -> newest = buffer.getLong(index);

        AgronaEndpoint(final Path dir, final int payload, final boolean pinger)
        {
            this.payload = payload;
            out = IoUtil.mapExistingFile(dir.resolve(pinger ? "ping2pong" : "pong2ping").toFile(), "out");
            in = IoUtil.mapExistingFile(dir.resolve(pinger ? "pong2ping" : "ping2pong").toFile(), "in");
            transmitter = new BroadcastTransmitter(new UnsafeBuffer(out));
            receiver = new CopyBroadcastReceiver(new BroadcastReceiver(new UnsafeBuffer(in)));
            message = new UnsafeBuffer(new byte[payload]);
        }

        @Override
        public void send(final long sequence)
        {
            message.putLong(0, sequence);
            transmitter.transmit(1, message, 0, payload);
        }

        @Override
        public long receive()
        {
            receiver.receive(handler);
            return newest;
        }

        @Override
        public void close()
        {
            IoUtil.unmap(out);
            IoUtil.unmap(in);
        }
    }
}
