package io.orbit.samples.grid;

import io.orbit.aeron.BridgeMain;
import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.heartbeat.HeartbeatSnapshot;
import io.orbit.runtime.heartbeat.NodeHeartbeat;
import io.orbit.runtime.heartbeat.NodeState;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The grid demo: two hosts simulated on one machine. Each "host" is a shared-memory directory with
 * its own bridge JVM ({@code orbit-bridge}, on a 127.0.0.1 port) and two worker JVMs; fleet size 8,
 * host A owns nodes 0..3 (bridge 0, workers 1 and 2), host B owns nodes 4..7 (bridge 4, workers 5
 * and 6). This coordinator joins host A as node 3 and prints host A's heartbeat table, where host
 * B's nodes appear like local ones. It then kills worker 6 on host B with SIGKILL (node 6 turns
 * DEAD on host A) and then host B's bridge (all of host B's nodes turn DEAD on host A), and exits 0
 * when both were seen.
 *
 * <p>Run: {@code java -jar samples/target/orbit-samples.jar} runs the fleet demo; this one:
 * {@code java -cp samples/target/orbit-samples.jar io.orbit.samples.grid.GridDemo}.
 */
public final class GridDemo
{
    private static final int SIZE = 8;
    private static final Duration MAX_AGE = Duration.ofMillis(1000);
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(60);

    private final String fleet = "grid" + ProcessHandle.current().pid();
    private final Path[] hosts;
    private final List<Process> children = new ArrayList<>();
    private final Process[] bridges = new Process[2];
    private final Process[] workers = new Process[SIZE];

    private GridDemo(final Path root) throws IOException
    {
        this.hosts = new Path[] {Files.createDirectories(root.resolve(fleet + "-hostA")), Files.createDirectories(root.resolve(fleet + "-hostB"))};
    }

    /**
     * @param args empty, or {@code worker <fleet> <dir> <node>} for a worker process.
     * @throws Exception when a child cannot be started.
     */
    public static void main(final String[] args) throws Exception
    {
        if (args.length > 0 && args[0].equals("worker"))
        {
            work(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        final GridDemo demo = new GridDemo(OrbitProperties.directory());
        boolean ok = false;
        try
        {
            ok = demo.run();
        }
        finally
        {
            demo.cleanUp();
        }
        System.exit(ok ? 0 : 1);
    }

    /** A worker: beats its heartbeat and publishes a tick event every 100 ms until killed. */
    private static void work(final String fleetName, final Path dir, final int node) throws InterruptedException
    {
        try (Fleet fleet = Fleet.joinShmAs(fleetName, SIZE, node, dir))
        {
            final FleetHeartbeat heartbeat = FleetHeartbeat.open(fleet);
            final OrbitEventBus bus = OrbitEventBus.open(fleet);
            for (long tick = 0; ; tick++)
            {
                heartbeat.beat();
                bus.publish("ticks", "node " + node + " tick " + tick);
                Thread.sleep(100); // a worker's pace, not synchronisation
            }
        }
    }

    private boolean run() throws IOException, InterruptedException
    {
        final String endpoints = "127.0.0.1:" + freePort() + ",127.0.0.1:" + freePort();
        for (int host = 0; host < 2; host++)
        {
            bridges[host] = start(BridgeMain.class, "--fleet", fleet, "--size", String.valueOf(SIZE), "--dir", hosts[host].toString(),
                "--host-index", String.valueOf(host), "--hosts", endpoints, "--kinds", "220,221", "--stats-ms", "0");
        }
        for (final int node : new int[] {1, 2, 5, 6})
        {
            workers[node] = start(GridDemo.class, "worker", fleet, hosts[node < 4 ? 0 : 1].toString(), String.valueOf(node));
        }
        try (Fleet observer = Fleet.joinShmAs(fleet, SIZE, 3, hosts[0]))
        {
            final FleetHeartbeat heartbeat = FleetHeartbeat.open(observer);
            heartbeat.beat();
            System.out.println("grid: fleet " + fleet + ", host A = " + hosts[0] + ", host B = " + hosts[1] + ", bridges on " + endpoints);
            if (!await(heartbeat, "every worker of both hosts LIVE on host A",
                snapshot -> allIn(snapshot, NodeState.LIVE, 0, 1, 2, 4, 5, 6)))
            {
                return false;
            }
            workers[6].destroyForcibly();
            System.out.println("grid: killed worker node 6 on host B (pid " + workers[6].pid() + ") with SIGKILL");
            if (!await(heartbeat, "node 6 DEAD on host A, node 5 still LIVE",
                snapshot -> allIn(snapshot, NodeState.DEAD, 6) && allIn(snapshot, NodeState.LIVE, 4, 5)))
            {
                return false;
            }
            bridges[1].destroyForcibly();
            System.out.println("grid: killed host B's bridge (pid " + bridges[1].pid() + ") with SIGKILL");
            return await(heartbeat, "all of host B's nodes DEAD on host A, host A's own nodes LIVE",
                snapshot -> allIn(snapshot, NodeState.DEAD, 4, 5, 6) && allIn(snapshot, NodeState.LIVE, 0, 1, 2));
        }
    }

    private static boolean allIn(final HeartbeatSnapshot snapshot, final NodeState state, final int... nodes)
    {
        for (final int node : nodes)
        {
            if (snapshot.node(node).state() != state)
            {
                return false;
            }
        }
        return true;
    }

    private static boolean await(final FleetHeartbeat heartbeat, final String what, final Predicate<HeartbeatSnapshot> condition)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + DEADLINE_NS;
        long nextPrint = 0;
        while (System.nanoTime() < deadline)
        {
            heartbeat.beat();
            final HeartbeatSnapshot snapshot = heartbeat.snapshot(MAX_AGE);
            if (System.nanoTime() - nextPrint >= 0 || condition.test(snapshot))
            {
                nextPrint = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                print(snapshot);
            }
            if (condition.test(snapshot))
            {
                System.out.println("grid: seen: " + what);
                return true;
            }
            Thread.sleep(50); // refresh pace of the table; the condition is re-checked every round
        }
        System.out.println("grid: NOT seen within " + TimeUnit.NANOSECONDS.toSeconds(DEADLINE_NS) + " s: " + what);
        return false;
    }

    private static void print(final HeartbeatSnapshot snapshot)
    {
        final StringBuilder line = new StringBuilder("table (host A's view):");
        for (final NodeHeartbeat node : snapshot.nodes())
        {
            line.append(String.format(" %d%s=%s", node.node(), node.node() < 4 ? "A" : "B", node.state()));
        }
        System.out.println(line);
    }

    private Process start(final Class<?> main, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        children.add(process);
        return process;
    }

    private void cleanUp() throws IOException, InterruptedException
    {
        for (final Process child : children)
        {
            child.destroyForcibly();
        }
        for (final Process child : children)
        {
            child.waitFor(10, TimeUnit.SECONDS);
        }
        for (final Path host : hosts)
        {
            try (Stream<Path> files = Files.walk(host))
            {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
