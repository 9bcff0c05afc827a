package io.orbit.samples.pingpong;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two processes bounce a {@link Ball} through its ring: the pinger (node 0) stores ball n, the
 * ponger (node 1) waits for it with a zero-allocation view and stores it back; the pinger records
 * each round trip in an HdrHistogram and prints p50/p90/p99/p99.9.
 *
 * <p>Run: {@code java -cp samples/target/orbit-samples.jar io.orbit.samples.pingpong.PingPong [roundTrips]}.
 */
public final class PingPong
{
    private PingPong()
    {
    }

    /**
     * @param args {@code [roundTrips]}, or {@code pong <fleet> <total>} for the child.
     * @throws Exception when the child cannot be started.
     */
    public static void main(final String[] args) throws Exception
    {
        if (args.length > 0 && args[0].equals("pong"))
        {
            pong(args[1], Long.parseLong(args[2]));
            return;
        }
        if (args.length > 1 || (args.length == 1 && !args[0].matches("[1-9][0-9]{0,8}")))
        {
            final boolean help = args[0].equals("--help") || args[0].equals("-h");
            (help ? System.out : System.err).println("usage: PingPong [roundTrips]   (default 200000; two processes bounce a "
                + "record through a 2-node fleet and print round-trip percentiles)");
            System.exit(help ? 0 : 2);
        }
        final int roundTrips = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        final int warmup = roundTrips / 5;
        final String fleetName = "pingpong" + ProcessHandle.current().pid();
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Process ponger = null;
        try (Fleet fleet = Fleet.joinShmAs(fleetName, 2, 0))
        {
            final BallOrbital balls = BallOrbital.of(fleet);
            ponger = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Dorbit.shm.dir=" + OrbitProperties.directory(),
                "-cp", System.getProperty("java.class.path"), PingPong.class.getName(),
                "pong", fleetName, Long.toString(warmup + roundTrips)).inheritIO().start();
            final FrameView view = balls.newView();
            for (long sequence = 1; sequence <= warmup + roundTrips; sequence++)
            {
                final long sent = System.nanoTime();
                balls.store(new Ball(sequence, sent));
                while (!balls.loadView(1, view) || BallCodec.sequence(view.payload(), 0) != sequence)
                {
                    Thread.onSpinWait();
                }
                if (sequence > warmup)
                {
                    histogram.recordValue(System.nanoTime() - sent);
                }
            }
            ponger.waitFor();
        }
        finally
        {
            if (ponger != null)
            {
                ponger.destroyForcibly();
            }
            Fleet.removeSegments(fleetName);
        }
        System.out.printf("ping-pong of a %d-byte record between two JVMs, %d round trips (after %d warm-up):%n",
            BallCodec.ENCODED_LENGTH, roundTrips, warmup);
        System.out.printf("round trip ns: p50=%d p90=%d p99=%d p99.9=%d max=%d%n", histogram.getValueAtPercentile(50),
            histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
            histogram.getMaxValue());
        histogram.outputPercentileDistribution(System.out, 5, 1.0);
    }

    private static void pong(final String fleetName, final long total)
    {
        try (Fleet fleet = Fleet.joinShmAs(fleetName, 2, 1))
        {
            final BallOrbital balls = BallOrbital.of(fleet);
            final FrameView view = balls.newView();
            long expected = 1;
            while (expected <= total)
            {
                if (balls.loadView(0, view) && BallCodec.sequence(view.payload(), 0) == expected)
                {
                    balls.store(new Ball(expected, BallCodec.sentNanos(view.payload(), 0)));
                    expected++;
                }
                else
                {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
