package io.orbit.samples.fleet;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.event.OrbitEvent;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.event.OrbitEventCursor;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.heartbeat.HeartbeatSnapshot;
import io.orbit.runtime.heartbeat.NodeState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fleet demo: a coordinator (node 0) starts N worker JVMs of this program (nodes 1..N; one
 * more node is left free for {@code Tail}). Workers publish their {@link WorkerLoad}, beat
 * heartbeats, read settings from the cache, claim jobs through the contest and report progress on
 * the event bus. The coordinator shows a live table, kills one worker with SIGKILL in the middle of
 * a job, watches another worker take that job over with a higher fence token, and exits 0 only
 * when every job completed exactly once.
 *
 * <p>Run: {@code java -jar samples/target/orbit-samples.jar [workers] [jobs]}.
 */
public final class FleetDemo
{
    private static final Duration STALE_AFTER = Duration.ofMillis(500);
    private static final long REFRESH_NS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(90);

    private final String fleetName;
    private final int workers;
    private final int jobs;
    private final boolean terminal = System.console() != null;
    private final List<Process> children = new ArrayList<>();
    private final Map<Integer, Integer> currentJob = new HashMap<>();
    private final Map<Integer, Integer> jobsDone = new HashMap<>();
    private final Map<Integer, List<String>> doneBy = new HashMap<>();
    private final Map<Integer, Long> startToken = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private int killedNode = -1;
    private int killedJob = -1;
    private long killedToken = -1;
    private long reclaimToken = -1;
    private volatile Fleet fleet;

    private FleetDemo(final String fleetName, final int workers, final int jobs)
    {
        this.fleetName = fleetName;
        this.workers = workers;
        this.jobs = jobs;
    }

    /**
     * @param args {@code [workers] [jobs]}, or {@code worker <fleet> <size> <node>} for a worker process.
     * @throws Exception when a worker cannot be started.
     */
    public static void main(final String[] args) throws Exception
    {
        if (args.length > 0 && args[0].equals("worker"))
        {
            Worker.run(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        final int workers = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        final int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        System.exit(new FleetDemo("demo" + ProcessHandle.current().pid(), workers, jobs).coordinate() ? 0 : 1);
    }

    private boolean coordinate() throws IOException
    {
        final int size = workers + 2;
        final AtomicBoolean cleaned = new AtomicBoolean();
        final Thread cleanup = new Thread(() -> cleanUp(cleaned), "orbit-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C: kill the workers and remove the fleet's files
        final boolean ok;
        try (Fleet fleet = Fleet.joinShmAs(fleetName, size, 0))
        {
            this.fleet = fleet;
            final OrbitCache cache = OrbitCache.open(fleet);
            final OrbitEventBus events = OrbitEventBus.open(fleet);
            final OrbitEventCursor cursor = events.cursorFromStart();
            final FleetHeartbeat heartbeat = FleetHeartbeat.open(fleet);
            final WorkerLoadOrbital load = WorkerLoadOrbital.of(fleet);
            cache.put(Worker.SETTINGS_STEPS, "6");
            cache.put(Worker.SETTINGS_STEP_MS, "60");
            cache.put(Worker.SETTINGS_JOBS, Integer.toString(jobs));
            say("fleet " + fleetName + ": " + workers + " workers, " + jobs + " jobs, segments in " + OrbitProperties.directory());
            say("watch it from another terminal: bin/orbit tail " + fleetName + " --events   (or: java --add-exports "
                + "java.base/jdk.internal.misc=ALL-UNNAMED -cp samples/target/orbit-samples.jar io.orbit.samples.tail.Tail "
                + fleetName + " " + size + "); bin/orbit stat " + fleetName + " shows its rings, heartbeats and contest");
            for (int node = 1; node <= workers; node++)
            {
                children.add(startWorker(size, node));
            }
            final long deadline = System.nanoTime() + DEADLINE_NS;
            long nextDraw = 0;
            long lost = 0;
            while (doneBy.size() < jobs && System.nanoTime() < deadline)
            {
                heartbeat.beat();
                final var poll = events.poll(cursor);
                lost += poll.lost();
                poll.events().forEach(this::onEvent);
                maybeKill();
                if (System.nanoTime() > nextDraw)
                {
                    nextDraw = System.nanoTime() + REFRESH_NS;
                    draw(heartbeat.snapshot(STALE_AFTER), load);
                }
                // Sleeps until a worker publishes an event, at most until the next redraw (which also keeps the heartbeat fresh).
                cursor.await(Duration.ofNanos(Math.max(1, nextDraw - System.nanoTime())));
            }
            cache.put(Worker.STOP, "1");
            for (final Process child : children)
            {
                awaitExit(child);
            }
            events.poll(cursor).events().forEach(this::onEvent);
            final HeartbeatSnapshot snapshot = heartbeat.snapshot(STALE_AFTER);
            draw(snapshot, load);
            ok = summarise(snapshot, lost);
        }
        cleanUp(cleaned);
        Runtime.getRuntime().removeShutdownHook(cleanup);
        return ok;
    }

    private void onEvent(final OrbitEvent event)
    {
        final Map<String, String> fields = parse(new String(event.payload(), StandardCharsets.UTF_8));
        final int job = Integer.parseInt(fields.get("job"));
        final int node = Integer.parseInt(fields.get("node"));
        final long token = Long.parseLong(fields.get("token"));
        switch (fields.get("event"))
        {
            case "start" ->
            {
                currentJob.put(node, job);
                startToken.put(job, token);
                if (job == killedJob && token > killedToken && reclaimToken < 0)
                {
                    reclaimToken = token;
                    say("job " + job + " claimed again by node " + node + " with fence token " + token + " (was " + killedToken + ")");
                }
            }
            case "done" ->
            {
                currentJob.remove(node);
                jobsDone.merge(node, 1, Integer::sum);
                doneBy.computeIfAbsent(job, j -> new ArrayList<>()).add("node " + node + " token " + token);
            }
            default ->
            {
                // progress steps only refresh the table
            }
        }
    }

    /** Kills the last worker while it is in the middle of a job, once some jobs are done. */
    private void maybeKill()
    {
        final int victim = workers;
        if (killedNode >= 0 || doneBy.size() < 2 || !currentJob.containsKey(victim))
        {
            return;
        }
        final Process process = children.get(victim - 1);
        killedNode = victim;
        killedJob = currentJob.remove(victim);
        killedToken = startToken.get(killedJob);
        process.destroyForcibly();
        awaitExit(process);
        say("killed node " + victim + " (pid " + process.pid() + ") with SIGKILL in the middle of job " + killedJob
            + " (fence token " + killedToken + ")");
    }

    private boolean summarise(final HeartbeatSnapshot snapshot, final long lost)
    {
        int exactlyOnce = 0;
        for (int job = 1; job <= jobs; job++)
        {
            final List<String> by = doneBy.getOrDefault(job, List.of());
            if (by.size() == 1)
            {
                exactlyOnce++;
            }
            else
            {
                say("job " + job + " completed " + by.size() + " times: " + by);
            }
        }
        final String killedState = killedNode < 0 ? "none" : snapshot.node(killedNode).state().toString();
        say("summary: jobs=" + jobs + " completedExactlyOnce=" + exactlyOnce + " killedNode=" + killedNode
            + " killedJob=" + killedJob + " tokens " + killedToken + "->" + reclaimToken + " killedNodeState=" + killedState
            + " eventsLost=" + lost);
        final boolean ok = exactlyOnce == jobs && killedNode > 0 && reclaimToken > killedToken
            && snapshot.node(killedNode).state() == NodeState.DEAD;
        say(ok ? "OK: every job completed exactly once; the killed worker's job was taken over with a higher fence token"
            : "FAILED");
        return ok;
    }

    private void draw(final HeartbeatSnapshot snapshot, final WorkerLoadOrbital load)
    {
        final Map<Integer, WorkerLoad> loads = load.loadAll();
        final StringBuilder table = new StringBuilder();
        table.append(String.format("%-5s %-8s %-5s %-5s %-8s %-5s%n", "node", "state", "busy", "idle", "job", "done"));
        for (int node = 1; node <= workers; node++)
        {
            final WorkerLoad value = loads.get(node);
            table.append(String.format("%-5d %-8s %-5s %-5s %-8s %-5d%n", node, state(node, snapshot),
                value == null ? "-" : value.busy(), value == null ? "-" : value.idle(),
                currentJob.containsKey(node) ? Jobs.label(currentJob.get(node)) : "-", jobsDone.getOrDefault(node, 0)));
        }
        if (terminal)
        {
            final StringBuilder screen = new StringBuilder("\033[H\033[2J").append(table);
            log.subList(Math.max(0, log.size() - 8), log.size()).forEach(line -> screen.append(line).append('\n'));
            System.out.print(screen);
            System.out.flush();
        }
        else
        {
            System.out.print("table:\n" + table);
        }
    }

    /** A worker that exited by itself after the last job reads FINISHED, not DEAD (its lease is free either way). */
    private String state(final int node, final HeartbeatSnapshot snapshot)
    {
        final Process process = children.size() >= node ? children.get(node - 1) : null;
        if (node != killedNode && process != null && !process.isAlive() && process.exitValue() == 0)
        {
            return "FINISHED";
        }
        return snapshot.node(node).state().toString();
    }

    private void say(final String line)
    {
        log.add(line);
        System.out.println(line);
    }

    private Process startWorker(final int size, final int node) throws IOException
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx128m",
            "-D" + OrbitProperties.DIRECTORY_PROPERTY + "=" + OrbitProperties.directory(),
            "-cp", System.getProperty("java.class.path"), FleetDemo.class.getName(),
            "worker", fleetName, Integer.toString(size), Integer.toString(node))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    }

    private void cleanUp(final AtomicBoolean cleaned)
    {
        if (!cleaned.compareAndSet(false, true))
        {
            return;
        }
        children.forEach(Process::destroyForcibly);
        children.forEach(FleetDemo::awaitExit);
        if (fleet != null)
        {
            fleet.close(); // idempotent; frees node 0 so the fleet's files may be removed
        }
        final int removed = Fleet.removeSegments(fleetName);
        System.out.println("removed " + removed + " files of fleet " + fleetName);
    }

    private static void awaitExit(final Process process)
    {
        try
        {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parse(final String text)
    {
        final Map<String, String> fields = new HashMap<>();
        final String[] words = text.split(" ");
        fields.put("event", words[0]);
        for (int i = 1; i < words.length; i++)
        {
            final int eq = words[i].indexOf('=');
            fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        return fields;
    }
}
