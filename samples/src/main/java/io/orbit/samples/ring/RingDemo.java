package io.orbit.samples.ring;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.PollStats;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.RingSpec;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32;

/**
 * Several real processes sharing one PER_NODE ring: the coordinator (node 0) starts worker JVMs
 * (nodes 1..N) that publish self-checking frames, tails the ring with a cursor, kills one worker
 * with SIGKILL half way, and shows that the dead node reads DEAD while every frame the others
 * published is accounted for: delivered or counted as lost, never torn.
 *
 * <p>Run: {@code java -jar samples/target/orbit-samples.jar [workers] [framesPerWorker]}.
 */
public final class RingDemo
{
    static final RingSpec SPEC = RingSpec.perNode(12, 1024, 32);
    private static final int FRAME_KIND = 1;
    private static final long PACE_NS = 50_000;

    private RingDemo()
    {
    }

    /**
     * @param args {@code [workers] [framesPerWorker]}, or {@code worker <fleet> <size> <node> <frames>} for a child.
     * @throws Exception when a worker cannot be started.
     */
    public static void main(final String[] args) throws Exception
    {
        if (args.length > 0 && args[0].equals("worker"))
        {
            worker(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        final int workers = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        final int frames = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        System.exit(coordinate(workers, frames));
    }

    private static int coordinate(final int workers, final int frames) throws IOException, InterruptedException
    {
        final String fleetName = "ringdemo" + ProcessHandle.current().pid();
        final int size = workers + 1;
        final List<Process> children = new ArrayList<>();
        final long[] delivered = new long[size];
        final long[] torn = new long[1];
        final byte[] scratch = new byte[16];
        final CRC32 check = new CRC32();
        try (Fleet fleet = Fleet.joinShm(fleetName, size))
        {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(Process::destroyForcibly)));
            final Ring ring = fleet.ring(SPEC);
            final RingCursor cursor = ring.cursorFromStart();
            for (int node = 1; node <= workers; node++)
            {
                children.add(startWorker(fleetName, size, node, frames));
            }
            final int victim = workers;
            boolean killed = false;
            long lost = 0;
            long lastReport = System.nanoTime();
            while (children.stream().anyMatch(Process::isAlive) || behind(cursor, ring))
            {
                final PollStats stats = cursor.poll(frame ->
                {
                    final int node = frame.lane();
                    delivered[node]++;
                    frame.payload().getBytes(0, scratch);
                    check.reset();
                    check.update(scratch);
                    if (check.getValue() != frame.payload().getLong(16) || frame.payload().getLong(0) != node)
                    {
                        torn[0]++;
                    }
                });
                lost += stats.lost();
                if (!killed && delivered[victim] > frames / 2)
                {
                    children.get(victim - 1).destroyForcibly().waitFor();
                    killed = true;
                    System.out.println("killed node " + victim + " with SIGKILL; alive=" + fleet.isNodeAlive(victim));
                }
                if (System.nanoTime() - lastReport > TimeUnit.MILLISECONDS.toNanos(250))
                {
                    lastReport = System.nanoTime();
                    report(fleet, ring, delivered, lost);
                }
                if (stats.movedPast() == 0)
                {
                    Thread.onSpinWait();
                }
            }
            report(fleet, ring, delivered, lost);
            long published = 0;
            for (int node = 1; node <= workers; node++)
            {
                published += ring.head(node);
            }
            final long accounted = cursor.totals().movedPast();
            System.out.printf("summary: published=%d accounted=%d (delivered=%d lost=%d) corrupt=%d torn=%d node %d %s%n",
                published, accounted, cursor.totals().delivered(), cursor.totals().lost(), cursor.totals().corrupt(),
                torn[0], victim, fleet.isNodeAlive(victim) ? "ALIVE" : "DEAD");
            final boolean ok = published == accounted && cursor.totals().corrupt() == 0 && torn[0] == 0
                && !fleet.isNodeAlive(victim);
            System.out.println(ok ? "OK: every frame accounted for exactly" : "FAILED");
            fleet.close();
            Fleet.removeSegments(fleetName);
            return ok ? 0 : 1;
        }
    }

    private static boolean behind(final RingCursor cursor, final Ring ring)
    {
        for (int lane = 0; lane < ring.laneCount(); lane++)
        {
            if (cursor.next(lane) < ring.head(lane))
            {
                return true;
            }
        }
        return false;
    }

    private static void report(final Fleet fleet, final Ring ring, final long[] delivered, final long lost)
    {
        final StringBuilder line = new StringBuilder("nodes:");
        for (int node = 1; node < delivered.length; node++)
        {
            line.append(String.format(" [%d %s head=%d seen=%d]", node, fleet.isNodeAlive(node) ? "LIVE" : "DEAD",
                ring.head(node), delivered[node]));
        }
        System.out.println(line.append(" lost=").append(lost));
    }

    private static Process startWorker(final String fleet, final int size, final int node, final int frames) throws IOException
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-D" + OrbitProperties.DIRECTORY_PROPERTY + "=" + OrbitProperties.directory(),
            "-cp", System.getProperty("java.class.path"), RingDemo.class.getName(),
            "worker", fleet, Integer.toString(size), Integer.toString(node), Integer.toString(frames))
            .inheritIO().start();
    }

    private static void worker(final String fleetName, final int size, final int node, final int frames)
    {
        try (Fleet fleet = Fleet.joinShmAs(fleetName, size, node))
        {
            final Ring ring = fleet.ring(SPEC);
            final UnsafeBuffer payload = new UnsafeBuffer(new byte[24]);
            final CRC32 crc = new CRC32();
            for (long seq = 0; seq < frames; seq++)
            {
                payload.putLong(0, node);
                payload.putLong(8, seq);
                crc.reset();
                crc.update(payload.byteArray(), 0, 16);
                payload.putLong(16, crc.getValue());
                ring.publish(FRAME_KIND, seq, payload, 0, 24);
                LockSupport.parkNanos(PACE_NS); // a steady producer, so the coordinator can kill one mid-stream
            }
        }
    }
}
