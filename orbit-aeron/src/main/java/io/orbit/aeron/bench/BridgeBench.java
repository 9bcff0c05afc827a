package io.orbit.aeron.bench;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.orbit.aeron.BridgeConfig;
import io.orbit.aeron.BridgedKind;
import io.orbit.aeron.OrbitBridge;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.RingSpec;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Hand-run benchmark of the bridge (not part of {@code mvn verify}): two hosts simulated in one JVM
 * (two shared-memory directories, two {@link OrbitBridge}s, each with its embedded media driver, on
 * 127.0.0.1 ports), 64-byte frames in a PER_NODE ring.
 * <ol>
 *   <li>round trip host A → host B → host A through both bridges (ring → bridge → UDP → bridge → ring and back),</li>
 *   <li>Aeron's own ping-pong over the same two drivers and endpoints (another stream id), the floor,</li>
 *   <li>saturation: host A publishes as fast as it can; what crossed per second, the loss classes (they must add
 *       up to the frames published), frames per Aeron message, and the CPU the bridges and drivers spent per
 *       crossed frame (thread CPU time: scheduling waits on a loaded machine do not count);</li>
 *   <li>paced: host A publishes at a fixed rate (the anchor: 1 M frames/s); host B's reader records
 *       publish-to-read latency.</li>
 * </ol>
 * Everything is printed at the end as one summary block.
 * {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp orbit-aeron/target/orbit-bridge.jar
 * io.orbit.aeron.bench.BridgeBench [roundTrips] [frames] [pacedRate] [mtu]}
 */
public final class BridgeBench
{
    private static final int KIND = 12;
    private static final RingSpec SPEC = RingSpec.perNode(KIND, 65_536, 64);
    private static final int PING_STREAM = 4242;
    private static final int TERM_LENGTH = 16 << 20;

    private BridgeBench()
    {
    }

    /**
     * @param args round trips (default 20000), frames per throughput phase (default 2000000), paced rate per
     *             second (default 1000000), MTU (default 1408).
     * @throws Exception on setup failure.
     */
    public static void main(final String[] args) throws Exception
    {
        final int roundTrips = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        final int frames = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        final long rate = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        final int mtu = args.length > 3 ? Integer.parseInt(args[3]) : BridgeConfig.DEFAULT_MTU;
        final Path dirA = Files.createTempDirectory(Path.of("/dev/shm"), "orbit-bench-a-");
        final Path dirB = Files.createTempDirectory(Path.of("/dev/shm"), "orbit-bench-b-");
        final String fleet = "bench" + ProcessHandle.current().pid();
        final List<String> hosts = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
        final List<BridgedKind> kinds = List.of(BridgedKind.ring(SPEC));
        final StringBuilder out = new StringBuilder();
        final String loadAtStart = loadAverage();
        try (OrbitBridge bridgeA = OrbitBridge.start(config(fleet, dirA, 0, hosts, kinds, mtu));
             OrbitBridge bridgeB = OrbitBridge.start(config(fleet, dirB, 1, hosts, kinds, mtu));
             Fleet a = Fleet.joinShmAs(fleet, 8, 1, dirA);
             Fleet b = Fleet.joinShmAs(fleet, 8, 5, dirB))
        {
            awaitLinks(bridgeA, bridgeB);
            final Ring ringA = a.ring(SPEC);
            final Ring ringB = b.ring(SPEC);
            final Path driverA = dirA.resolve("aeron-" + fleet + "-host0");
            final Path driverB = dirB.resolve("aeron-" + fleet + "-host1");
            bridgedRoundTrip(ringA, ringB, roundTrips / 10);
            final Histogram bridged = bridgedRoundTrip(ringA, ringB, roundTrips);
            final Histogram aeron = aeronPingPong(driverA, driverB, hosts, roundTrips);
            line(out, "bridged round trip A->B->A", bridged);
            line(out, "aeron ping-pong, same drivers", aeron);
            out.append(String.format("  %-40s p50 %.2f   p95 %.2f   p99 %.2f%n", "ratio bridged / aeron",
                ratio(bridged, aeron, 50), ratio(bridged, aeron, 95), ratio(bridged, aeron, 99)));
            final ThroughputPhase saturated = new ThroughputPhase(ringA, ringB, bridgeA, bridgeB, driverA, driverB, frames);
            saturated.run(0);
            saturated.report(out, "saturation: host A publishes flat out");
            final ThroughputPhase paced = new ThroughputPhase(ringA, ringB, bridgeA, bridgeB, driverA, driverB, frames);
            paced.run(rate);
            paced.report(out, String.format("paced: host A publishes %,d frames/s", rate));
        }
        finally
        {
            delete(dirA);
            delete(dirB);
        }
        System.out.println();
        System.out.println("== orbit-aeron BridgeBench: " + roundTrips + " round trips, " + frames + " frames per phase ==");
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version") + "; load average at start " + loadAtStart + ", at end " + loadAverage());
        System.out.println("path: ring KIND " + KIND + " PER_NODE 65536 x 64 B -> bridge A -> Aeron UDP 127.0.0.1 (embedded drivers, "
            + "SHARED threading, term " + (TERM_LENGTH >> 20) + " MiB, MTU " + mtu
            + ") -> bridge B -> ring on host B");
        System.out.print(out);
    }

    private static BridgeConfig config(
        final String fleet, final Path dir, final int host, final List<String> hosts, final List<BridgedKind> kinds, final int mtu)
    {
        return new BridgeConfig(fleet, 8, dir, host, hosts, kinds, BridgeConfig.DEFAULT_BEAT_INTERVAL, Duration.ofSeconds(5),
            TERM_LENGTH, mtu, "", line -> System.out.println("bridge " + host + ": " + line));
    }

    private static void awaitLinks(final OrbitBridge a, final OrbitBridge b) throws InterruptedException
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(a.isLinkUp(1) && b.isLinkUp(0)))
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("bridges did not link within 30 s");
            }
            Thread.sleep(10); // start-up only, not measured
        }
    }

    /** Ping on host A's node 1 lane; a pong thread on host B answers on node 5's lane; both read through cursors. */
    private static Histogram bridgedRoundTrip(final Ring ringA, final Ring ringB, final int count) throws InterruptedException
    {
        final Histogram histogram = new Histogram(3);
        final AtomicBoolean running = new AtomicBoolean(true);
        final RingCursor pongCursor = ringB.cursorAtHead(); // before the first ping, so none is missed
        final Thread pong = new Thread(() ->
        {
            final RingCursor cursor = pongCursor;
            final UnsafeBuffer echo = new UnsafeBuffer(new byte[64]);
            while (running.get())
            {
                cursor.poll(frame ->
                {
                    if (frame.lane() == 1)
                    {
                        echo.putBytes(0, frame.payload(), 0, 64);
                        ringB.publish(0, 0, echo, 0, 64);
                    }
                });
            }
        }, "pong");
        pong.start();
        final RingCursor cursor = ringA.cursorAtHead();
        final UnsafeBuffer ping = new UnsafeBuffer(new byte[64]);
        final long[] answered = {-1};
        for (int i = 0; i < count; i++)
        {
            final long start = System.nanoTime();
            ping.putLong(0, i);
            ringA.publish(0, 0, ping, 0, 64);
            final long expected = i;
            while (answered[0] != expected)
            {
                checkDeadline(start);
                cursor.poll(frame ->
                {
                    if (frame.lane() == 5)
                    {
                        answered[0] = frame.payload().getLong(0);
                    }
                });
            }
            histogram.recordValue(System.nanoTime() - start);
        }
        running.set(false);
        pong.join();
        return histogram;
    }

    private static Histogram aeronPingPong(final Path driverA, final Path driverB, final List<String> hosts, final int count)
        throws InterruptedException
    {
        final Histogram histogram = new Histogram(3);
        try (Aeron clientA = Aeron.connect(new Aeron.Context().aeronDirectoryName(driverA.toString()));
             Aeron clientB = Aeron.connect(new Aeron.Context().aeronDirectoryName(driverB.toString()));
             ExclusivePublication toB = clientA.addExclusivePublication("aeron:udp?endpoint=" + hosts.get(1), PING_STREAM);
             Subscription atB = clientB.addSubscription("aeron:udp?endpoint=" + hosts.get(1), PING_STREAM);
             ExclusivePublication toA = clientB.addExclusivePublication("aeron:udp?endpoint=" + hosts.get(0), PING_STREAM);
             Subscription atA = clientA.addSubscription("aeron:udp?endpoint=" + hosts.get(0), PING_STREAM))
        {
            while (!toB.isConnected() || !toA.isConnected())
            {
                Thread.sleep(10); // start-up only, not measured
            }
            final AtomicBoolean running = new AtomicBoolean(true);
            final UnsafeBuffer echo = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
            final Thread pong = new Thread(() ->
            {
                while (running.get())
                {
                    atB.poll((buffer, offset, length, header) ->
                    {
                        echo.putBytes(0, buffer, offset, length);
                        while (toA.offer(echo, 0, length) < 0)
                        {
                            Thread.onSpinWait();
                        }
                    }, 16);
                }
            }, "aeron-pong");
            pong.start();
            final UnsafeBuffer ping = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
            final long[] answered = {-1};
            for (int i = -count / 10; i < count; i++)
            {
                final long start = System.nanoTime();
                ping.putLong(0, i);
                while (toB.offer(ping, 0, 64) < 0)
                {
                    Thread.onSpinWait();
                }
                final long expected = i;
                while (answered[0] != expected)
                {
                    checkDeadline(start);
                    atA.poll((buffer, offset, length, header) -> answered[0] = buffer.getLong(offset), 16);
                }
                if (i >= 0)
                {
                    histogram.recordValue(System.nanoTime() - start);
                }
            }
            running.set(false);
            pong.join();
        }
        return histogram;
    }

    private static void checkDeadline(final long start)
    {
        if (System.nanoTime() - start > Duration.ofSeconds(10).toNanos())
        {
            throw new IllegalStateException("no answer within 10 s");
        }
    }

    static void line(final StringBuilder out, final String what, final Histogram histogram)
    {
        out.append(String.format("  %-40s p50 %8.1f us   p95 %8.1f us   p99 %8.1f us   max %8.1f us   (n=%d)%n", what,
            histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(95) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
            histogram.getMaxValue() / 1e3, histogram.getTotalCount()));
    }

    private static double ratio(final Histogram bridged, final Histogram aeron, final double percentile)
    {
        return (double)bridged.getValueAtPercentile(percentile) / Math.max(1, aeron.getValueAtPercentile(percentile));
    }

    private static String loadAverage() throws IOException
    {
        final String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static int freePort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
