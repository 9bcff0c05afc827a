package io.orbit.benchmarks.latency;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameHandler;
import io.orbit.runtime.ring.Notify;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.RingSpec;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Blocking subscribers across processes ({@code RingCursor.await}): futex on a JDK 22+ build and
 * runtime, the parking watch otherwise ({@code -Dorbit.futex=false} forces it). {@code run [wakeups]} prints:
 * <ul>
 *   <li>CPU used by a subscriber JVM blocked in {@code await} for 10 s, from {@code /proc/<pid>/stat};</li>
 *   <li>wake-up latency, publish to subscriber running with the frame (one {@code nanoTime} clock,
 *       CLOCK_MONOTONIC, across the two JVMs), a publish every ~0.5 ms so the subscriber sleeps in
 *       between; against the floor, a subscriber that spins on {@code poll};</li>
 *   <li>publish cost for rings that do not notify, notify with no waiter, notify with a waiting
 *       subscriber, and notify always.</li>
 * </ul>
 * The child role is {@code subscribe <dir> <fleet> <kind> <await|spin> <frames>} ({@code frames} 0: until killed).
 */
public final class WakeupHarness
{
    private static final int KIND = 90;
    private static final int WARMUP = 500;
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private WakeupHarness()
    {
    }

    /**
     * @param args {@code run [wakeups]} or a child role.
     * @throws Exception when a child fails.
     */
    public static void main(final String[] args) throws Exception
    {
        switch (args[0])
        {
            case "run" -> run(args.length > 1 ? Integer.parseInt(args[1]) : 2000);
            case "subscribe" -> subscribe(Path.of(args[1]), args[2], Integer.parseInt(args[3]), args[4], Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("usage: run [wakeups]");
        }
    }

    static RingSpec spec(final int kind, final Notify mode)
    {
        return RingSpec.perNode(kind, 1024, 16).withNotify(mode);
    }

    private static void run(final int wakeups) throws Exception
    {
        final Path dir = Files.createTempDirectory(Path.of("/dev/shm"), "orbit-wakeup-");
        final String fleetName = "wake" + ProcessHandle.current().pid();
        System.out.printf("== %s, futex=%s%n", System.getProperty("java.version"), futexInUse());
        try (Fleet fleet = Fleet.joinShmAs(fleetName, 2, 0, dir))
        {
            final Ring ring = fleet.ring(spec(KIND, Notify.WAITERS));
            System.out.printf(Locale.ROOT, "idle subscriber CPU over 10 s: %.2f%% of one core%n", idleCpu(dir, fleetName));
            final long[] floor = latency(ring, dir, fleetName, "spin", wakeups);
            final long[] blocking = latency(ring, dir, fleetName, "await", wakeups);
            System.out.printf("wake-up latency, ns (%d wake-ups): await p50 %d p99 %d max %d | spin floor p50 %d p99 %d max %d%n",
                wakeups, blocking[0], blocking[1], blocking[2], floor[0], floor[1], floor[2]);
            publishCost(fleet, dir, fleetName);
        }
        finally
        {
            try (Stream<Path> files = Files.walk(dir))
            {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static boolean futexInUse()
    {
        if (Runtime.version().feature() < 22 || !OrbitProperties.futex())
        {
            return false;
        }
        try
        {
            Class.forName("io.orbit.runtime.ring.FfmFutex", false, WakeupHarness.class.getClassLoader()); // resolved through the multi-release jar
            return true;
        }
        catch (final ClassNotFoundException ex)
        {
            return false;
        }
    }

    private static double idleCpu(final Path dir, final String fleet) throws Exception
    {
        final Process child = child(dir, fleet, KIND, "await", 0);
        try
        {
            awaitLine(child, "READY");
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2)); // past start-up and JIT of the wait loop
            final long before = cpuTicks(child.pid());
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(10));
            final long after = cpuTicks(child.pid());
            return 100.0 * (after - before) / (CLOCK_TICKS_PER_SECOND * 10.0);
        }
        finally
        {
            child.destroyForcibly().waitFor();
        }
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/pid/stat). */
    private static long cpuTicks(final long pid) throws IOException
    {
        final String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long[] latency(final Ring ring, final Path dir, final String fleet, final String mode, final int wakeups)
        throws Exception
    {
        final Process child = child(dir, fleet, KIND, mode, wakeups + WARMUP);
        try
        {
            awaitLine(child, "READY");
            final UnsafeBuffer payload = new UnsafeBuffer(new byte[8]);
            for (int i = 0; i < wakeups + WARMUP; i++)
            {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500)); // let the subscriber go back to sleep
                payload.putLong(0, System.nanoTime());
                ring.publish(1, i, payload, 0, 8);
            }
            final String[] result = awaitLine(child, "RESULT").split(" ");
            return new long[] {Long.parseLong(result[1]), Long.parseLong(result[2]), Long.parseLong(result[3])};
        }
        finally
        {
            child.destroyForcibly().waitFor();
        }
    }

    private static void publishCost(final Fleet fleet, final Path dir, final String fleetName) throws Exception
    {
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[16]);
        final List<String> names = new ArrayList<>();
        final List<Ring> rings = new ArrayList<>();
        int kind = KIND + 1;
        for (final Notify mode : Notify.values())
        {
            names.add(String.format("%-8s no waiter", mode));
            rings.add(fleet.ring(spec(kind++, mode)));
        }
        names.add(String.format("%-8s 1 waiter", Notify.WAITERS));
        rings.add(fleet.ring(spec(kind, Notify.WAITERS)));
        final Process child = child(dir, fleetName, kind, "await", 0);
        try
        {
            awaitLine(child, "READY");
            final int rounds = 9;
            final double[][] nanos = new double[rings.size()][rounds];
            for (int round = -3; round < rounds; round++) // 3 warm-up rounds, then the configurations interleaved
            {
                for (int i = 0; i < rings.size(); i++)
                {
                    final double perPublish = publishNanos(rings.get(i), payload);
                    if (round >= 0)
                    {
                        nanos[i][round] = perPublish;
                    }
                }
            }
            System.out.println("publish cost (16-byte payload, PER_NODE, median of 9 interleaved rounds of 200k publishes):");
            for (int i = 0; i < rings.size(); i++)
            {
                Arrays.sort(nanos[i]);
                System.out.printf(Locale.ROOT, "  %s  %6.1f ns/publish%n", names.get(i), nanos[i][rounds / 2]);
            }
        }
        finally
        {
            child.destroyForcibly().waitFor();
        }
    }

    private static double publishNanos(final Ring ring, final UnsafeBuffer payload)
    {
        final int perRound = 200_000;
        final long start = System.nanoTime();
        for (int i = 0; i < perRound; i++)
        {
            ring.publish(1, i, payload, 0, 16);
        }
        return (System.nanoTime() - start) / (double)perRound;
    }

    private static Process child(final Path dir, final String fleet, final int kind, final String mode, final int frames)
        throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms64m", "-Xmx64m", "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 22)
        {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        final String futex = System.getProperty("orbit.futex");
        if (futex != null)
        {
            command.add("-Dorbit.futex=" + futex);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WakeupHarness.class.getName(),
            "subscribe", dir.toString(), fleet, Integer.toString(kind), mode, Integer.toString(frames)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String awaitLine(final Process child, final String prefix) throws IOException
    {
        final BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null)
        {
            if (line.startsWith(prefix))
            {
                return line;
            }
        }
        throw new IllegalStateException("child " + child.pid() + " exited before printing " + prefix);
    }

    // ------------------------------------------------------------------------------------------ child

    private static void subscribe(final Path dir, final String fleetName, final int kind, final String mode, final int frames)
    {
        try (Fleet fleet = Fleet.joinShmAs(fleetName, 2, 1, dir))
        {
            final RingCursor cursor = fleet.ring(spec(kind, Notify.WAITERS)).cursorAtHead();
            final Histogram histogram = new Histogram(10_000_000_000L, 3);
            final long[] seen = new long[1];
            final FrameHandler handler = frame ->
            {
                final long latency = System.nanoTime() - frame.payload().getLong(0);
                if (seen[0]++ >= WARMUP && frames > 0)
                {
                    histogram.recordValue(Math.max(0, latency));
                }
            };
            final boolean blocking = mode.equals("await");
            System.out.println("READY");
            System.out.flush();
            while (frames == 0 || seen[0] < frames)
            {
                if (blocking)
                {
                    cursor.await(Duration.ofSeconds(1));
                }
                cursor.poll(handler);
            }
            System.out.println("RESULT " + histogram.getValueAtPercentile(50) + " " + histogram.getValueAtPercentile(99) + " "
                + histogram.getMaxValue());
            System.out.flush();
        }
    }
}
