package io.orbit.aeron.bench;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.orbit.aeron.BridgeConfig;
import io.orbit.aeron.BridgedKind;
import io.orbit.aeron.LinkCount;
import io.orbit.aeron.OrbitBridge;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.PollStats;
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
 *   <li>throughput: host A publishes as fast as it can; host B reads and records publish-to-read latency.</li>
 * </ol>
 * {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp orbit-aeron/target/orbit-bridge.jar
 * io.orbit.aeron.bench.BridgeBench [roundTrips] [frames]}
 */
public final class BridgeBench
{
    private static final RingSpec SPEC = RingSpec.perNode(12, 65_536, 64);
    private static final int PING_STREAM = 4242;

    private BridgeBench()
    {
    }

    /**
     * @param args round trips (default 20000) and throughput frames (default 2000000).
     * @throws Exception on setup failure.
     */
    public static void main(final String[] args) throws Exception
    {
        final int roundTrips = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        final int frames = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        final Path dirA = Files.createTempDirectory(Path.of("/dev/shm"), "orbit-bench-a-");
        final Path dirB = Files.createTempDirectory(Path.of("/dev/shm"), "orbit-bench-b-");
        final String fleet = "bench" + ProcessHandle.current().pid();
        final List<String> hosts = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
        final List<BridgedKind> kinds = List.of(BridgedKind.ring(SPEC));
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, " + System.getProperty("java.vm.name")
            + " " + System.getProperty("java.version") + ", load " + Files.readString(Path.of("/proc/loadavg")).trim());
        try (OrbitBridge bridgeA = OrbitBridge.start(config(fleet, dirA, 0, hosts, kinds));
             OrbitBridge bridgeB = OrbitBridge.start(config(fleet, dirB, 1, hosts, kinds));
             Fleet a = Fleet.joinShmAs(fleet, 8, 1, dirA);
             Fleet b = Fleet.joinShmAs(fleet, 8, 5, dirB))
        {
            awaitLinks(bridgeA, bridgeB);
            bridgedRoundTrip(a.ring(SPEC), b.ring(SPEC), roundTrips / 10);
            final Histogram bridged = bridgedRoundTrip(a.ring(SPEC), b.ring(SPEC), roundTrips);
            final Histogram aeron = aeronPingPong(dirA.resolve("aeron-" + fleet + "-host0"), dirB.resolve("aeron-" + fleet + "-host1"),
                hosts, roundTrips);
            print("bridged round trip A->B->A", bridged);
            print("aeron ping-pong (same drivers, same endpoints)", aeron);
            System.out.printf("ratio bridged/aeron: p50 %.2f, p99 %.2f%n",
                (double)bridged.getValueAtPercentile(50) / aeron.getValueAtPercentile(50),
                (double)bridged.getValueAtPercentile(99) / aeron.getValueAtPercentile(99));
            System.out.println("after the round trips: bridge A counts " + bridgeA.stats(12) + "; bridge B counts " + bridgeB.stats(12));
            throughput(a.ring(SPEC), b.ring(SPEC), bridgeB, frames);
            System.out.println("  bridge A counts (its sender side): " + bridgeA.stats(12));
        }
        finally
        {
            delete(dirA);
            delete(dirB);
        }
    }

    private static BridgeConfig config(final String fleet, final Path dir, final int host, final List<String> hosts, final List<BridgedKind> kinds)
    {
        return new BridgeConfig(fleet, 8, dir, host, hosts, kinds, BridgeConfig.DEFAULT_BEAT_INTERVAL, Duration.ofSeconds(5),
            16 << 20, line -> System.out.println("bridge " + host + ": " + line));
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

    /** Host A publishes as fast as it can (payload: publish time); host B reads through a cursor and records the latency. */
    private static void throughput(final Ring ringA, final Ring ringB, final OrbitBridge bridgeB, final int frames)
        throws InterruptedException
    {
        final Histogram latency = new Histogram(3);
        final long startHead = ringB.head(1);
        final RingCursor cursor = ringB.cursorAtHead();
        final long[] delivered = {0};
        final long[] lastArrival = {0};
        final long before = bridgeB.stats(12).get(1, LinkCount.REPLICATED);
        final Thread reader = new Thread(() ->
        {
            final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long movedPast = 0;
            while (movedPast < frames && System.nanoTime() < deadline)
            {
                final PollStats stats = cursor.poll(frame ->
                {
                    if (frame.lane() == 1)
                    {
                        final long now = System.nanoTime();
                        latency.recordValue(Math.max(0, now - frame.payload().getLong(0)));
                        delivered[0]++;
                        lastArrival[0] = now;
                    }
                });
                movedPast = ringB.head(1) - startHead;
                if (stats.movedPast() == 0)
                {
                    Thread.onSpinWait();
                }
            }
        }, "reader");
        reader.start();
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[64]);
        final long start = System.nanoTime();
        for (int i = 0; i < frames; i++)
        {
            payload.putLong(0, System.nanoTime());
            ringA.publish(0, 0, payload, 0, 64);
        }
        final long published = System.nanoTime();
        reader.join();
        final double seconds = (lastArrival[0] - start) / 1e9;
        System.out.printf("throughput: %d frames of 64 B published in %.3f s (%.0f/s); arrived on host B by %.3f s: %.0f frames/s crossed%n",
            frames, (published - start) / 1e9, frames / ((published - start) / 1e9), seconds,
            (bridgeB.stats(12).get(1, LinkCount.REPLICATED) - before) / seconds);
        System.out.printf("  host B reader: delivered %d, reader lapped (overwritten) %d; bridge B counts: %s%n",
            delivered[0], cursor.totals().overwritten(), bridgeB.stats(12));
        print("  publish-to-read latency", latency);
    }

    private static void checkDeadline(final long start)
    {
        if (System.nanoTime() - start > Duration.ofSeconds(10).toNanos())
        {
            throw new IllegalStateException("no answer within 10 s");
        }
    }

    private static void print(final String what, final Histogram histogram)
    {
        System.out.printf("%s: n=%d p50 %.1f us, p95 %.1f us, p99 %.1f us, max %.1f us%n", what, histogram.getTotalCount(),
            histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(95) / 1e3,
            histogram.getValueAtPercentile(99) / 1e3, histogram.getMaxValue() / 1e3);
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
