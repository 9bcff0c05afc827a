package io.orbit.runtime.reliability;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.exceptions.NodeInUseException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.CheckedReader;
import io.orbit.runtime.ring.CrossProcessSupport;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import static io.orbit.runtime.ring.CrossProcessSupport.checkedLength;
import static io.orbit.runtime.ring.CrossProcessSupport.say;
import static io.orbit.runtime.ring.CrossProcessSupport.send;
import static io.orbit.runtime.ring.CrossProcessSupport.writeChecked;

/**
 * Torture harness: N writer JVMs and M reader JVMs on one ring (SHARED or PER_NODE, small capacity
 * so readers are lapped) for T seconds, while this coordinator kills random writers with SIGKILL
 * at random moments and restarts them on the same node (a PER_NODE writer rejoins once the kernel
 * has freed its lease; a SHARED writer rejoins as the same node).
 *
 * <p>Payloads are self-checking: writer node, a sequence {@code incarnation << 40 | n}, filler and
 * a CRC32; the frame header repeats node (frame kind) and sequence (version). Readers count torn
 * deliveries (checksum, header mismatch, a sequence that does not increase per writer — which also
 * covers per incarnation since incarnations only grow), check on every poll that
 * {@code delivered + overwritten + abandoned + corrupt == movedPast} and that the cursor advanced by
 * exactly {@code movedPast}, and at the end that the cursor moved past exactly the final heads and
 * that nothing was corrupt. Each reader prints a {@code RESULT} line; the coordinator aggregates.
 *
 * <p>Long mode, from the repository root:
 * <pre>
 * mvn -q -o test-compile -pl orbit-runtime &amp;&amp; mvn -q -o dependency:build-classpath -pl orbit-runtime -Dmdep.outputFile=/tmp/orbit-cp.txt \
 *   &amp;&amp; java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED \
 *      -cp orbit-runtime/target/test-classes:orbit-runtime/target/classes:$(cat /tmp/orbit-cp.txt) \
 *      io.orbit.runtime.reliability.TortureHarness --seconds 90 --writers 3 --readers 2
 * </pre>
 * ({@code --seconds} is per topology; both topologies run one after the other.)
 */
public final class TortureHarness
{
    private static final int KIND = 71;
    private static final int PAYLOAD_CAPACITY = 80;
    private static final int SHARED_CAPACITY = 64;
    private static final int PER_NODE_CAPACITY = 32;
    private static final int COORDINATOR_NODE = 0;
    private static final long INCARNATION_SHIFT = 40;

    private TortureHarness()
    {
    }

    /**
     * Aggregated figures of one topology's run.
     *
     * @param topology             SHARED or PER_NODE.
     * @param seconds              how long writers ran.
     * @param published            counters claimed (SHARED) or frames committed (PER_NODE): the final heads.
     * @param delivered            deliveries summed over readers.
     * @param overwritten          overwritten counts summed over readers.
     * @param abandoned            abandoned counts summed over readers.
     * @param corrupt              corrupt counts summed over readers.
     * @param killed               writer processes killed with SIGKILL.
     * @param torn                 torn deliveries found (checksum, header, sequence order).
     * @param accountingErrors     polls breaking the invariant, plus readers whose totals miss the final heads.
     * @param readerFailures       readers that did not report or timed out draining.
     */
    public record Result(
        String topology, long seconds, long published, long delivered, long overwritten, long abandoned, long corrupt,
        long killed, long torn, long accountingErrors, long readerFailures)
    {
        @Override
        public String toString()
        {
            return "TORTURE topology=" + topology + " seconds=" + seconds + " published=" + published + " delivered=" + delivered
                + " overwritten=" + overwritten + " abandoned=" + abandoned + " corrupt=" + corrupt + " killed=" + killed
                + " torn=" + torn + " accountingErrors=" + accountingErrors + " readerFailures=" + readerFailures;
        }
    }

    /**
     * Runs both topologies.
     *
     * @param args {@code --seconds T} (per topology, default 10), {@code --writers N} (default 2),
     *             {@code --readers M} (default 2), {@code --topology shared|per_node|both}, {@code --seed S}.
     */
    public static void main(final String[] args)
    {
        final Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        final long seconds = Long.parseLong(options.getOrDefault("seconds", "10"));
        final int writers = Integer.parseInt(options.getOrDefault("writers", "2"));
        final int readers = Integer.parseInt(options.getOrDefault("readers", "2"));
        final long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(System.nanoTime())));
        final String topology = options.getOrDefault("topology", "both");
        System.out.println("TORTURE seed=" + seed + " writers=" + writers + " readers=" + readers + " seconds=" + seconds);
        boolean clean = true;
        for (final boolean shared : new boolean[]{true, false})
        {
            if (topology.equals("both") || topology.equalsIgnoreCase(shared ? "shared" : "per_node"))
            {
                final Result result = run(shared, writers, readers, Duration.ofSeconds(seconds), new Random(seed));
                System.out.println(result);
                clean &= result.torn() == 0 && result.accountingErrors() == 0 && result.corrupt() == 0 && result.readerFailures() == 0;
            }
        }
        System.out.println("TORTURE " + (clean ? "PASS" : "FAIL"));
        System.exit(clean ? 0 : 1);
    }

    private static RingSpec spec(final boolean shared)
    {
        return shared ?
            RingSpec.shared(KIND, SHARED_CAPACITY, PAYLOAD_CAPACITY) :
            RingSpec.perNode(KIND, PER_NODE_CAPACITY, PAYLOAD_CAPACITY);
    }

    /**
     * Runs one topology: starts readers and writers, kills and restarts writers for {@code duration},
     * stops writers, lets readers drain to the final heads and aggregates their reports.
     *
     * @param shared   SHARED ring when true, PER_NODE otherwise.
     * @param writers  writer processes (nodes 1..N).
     * @param readers  reader processes (nodes N+1..N+M).
     * @param duration how long writers run.
     * @param random   source of kill moments and victims.
     * @return the aggregated figures.
     */
    public static Result run(final boolean shared, final int writers, final int readers, final Duration duration, final Random random)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final int size = 1 + writers + readers;
        final String topology = shared ? "SHARED" : "PER_NODE";
        final List<ChildJvm> readerJvms = new ArrayList<>();
        final ChildJvm[] writerJvms = new ChildJvm[writers];
        final int[] incarnation = new int[writers];
        long killed = 0;
        try (ShmDirectory dir = ShmDirectory.create();
            Fleet fleet = Fleet.joinShmAs(name, size, COORDINATOR_NODE, dir.path()))
        {
            final Ring ring = fleet.ring(spec(shared));
            try
            {
                for (int r = 0; r < readers; r++)
                {
                    readerJvms.add(ChildJvm.start(dir.path(), Reader.class, name, Integer.toString(size), Boolean.toString(shared),
                        Integer.toString(1 + writers + r), Integer.toString(writers)));
                }
                for (final ChildJvm reader : readerJvms)
                {
                    reader.awaitLine("READY"::equals);
                }
                for (int w = 0; w < writers; w++)
                {
                    writerJvms[w] = startWriter(dir, name, size, shared, 1 + w, 0);
                }
                final long end = System.nanoTime() + duration.toNanos();
                while (System.nanoTime() < end)
                {
                    // Random moment: wait on the victim-to-be's process for 100..700 ms (it only returns early if it died).
                    final int victim = random.nextInt(writers);
                    final long pauseMs = Math.min(100 + random.nextInt(600), Math.max(1, (end - System.nanoTime()) / 1_000_000));
                    if (writerJvms[victim].process().waitFor(pauseMs, java.util.concurrent.TimeUnit.MILLISECONDS))
                    {
                        throw new AssertionError("writer node " + (1 + victim) + " exited by itself: " + writerJvms[victim].output());
                    }
                    if (System.nanoTime() >= end)
                    {
                        break;
                    }
                    writerJvms[victim].kill9();
                    killed++;
                    incarnation[victim]++;
                    writerJvms[victim] = startWriter(dir, name, size, shared, 1 + victim, incarnation[victim]);
                }
                for (final ChildJvm writer : writerJvms)
                {
                    send(writer, "STOP");
                }
                for (final ChildJvm writer : writerJvms)
                {
                    writer.awaitPrefix("DONE");
                    writer.awaitExit();
                }
                long published = 0;
                for (int lane = 0; lane < ring.laneCount(); lane++)
                {
                    published += ring.head(lane);
                }
                for (final ChildJvm reader : readerJvms)
                {
                    send(reader, "STOP");
                }
                long delivered = 0;
                long overwritten = 0;
                long abandoned = 0;
                long corrupt = 0;
                long torn = 0;
                long accountingErrors = 0;
                long readerFailures = 0;
                for (final ChildJvm reader : readerJvms)
                {
                    final String line = reader.awaitPrefix("RESULT ");
                    System.out.println("TORTURE " + topology + " reader " + line);
                    final Map<String, String> f = CrossProcessSupport.fields(line);
                    delivered += Long.parseLong(f.get("delivered"));
                    overwritten += Long.parseLong(f.get("overwritten"));
                    abandoned += Long.parseLong(f.get("abandoned"));
                    corrupt += Long.parseLong(f.get("corrupt"));
                    torn += Long.parseLong(f.get("badChecksum")) + Long.parseLong(f.get("badHeader"))
                        + Long.parseLong(f.get("notIncreasing"));
                    accountingErrors += Long.parseLong(f.get("invariantBroken"));
                    if (Long.parseLong(f.get("movedPast")) != published || Long.parseLong(f.get("finalHeads")) != published)
                    {
                        accountingErrors++;
                    }
                    if (!"false".equals(f.get("timedOut")) || reader.awaitExit() != 0)
                    {
                        readerFailures++;
                    }
                }
                return new Result(topology, duration.toSeconds(), published, delivered, overwritten, abandoned, corrupt, killed,
                    torn, accountingErrors, readerFailures);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", ex);
            }
            finally
            {
                for (final ChildJvm writer : writerJvms)
                {
                    if (writer != null)
                    {
                        writer.close();
                    }
                }
                readerJvms.forEach(ChildJvm::close);
            }
        }
    }

    private static ChildJvm startWriter(
        final ShmDirectory dir, final String name, final int size, final boolean shared, final int node, final int incarnation)
    {
        final ChildJvm writer = ChildJvm.start(dir.path(), Writer.class, name, Integer.toString(size), Boolean.toString(shared),
            Integer.toString(node), Integer.toString(incarnation));
        // Wait until it holds its node and is publishing, so a kill always hits a writing process.
        writer.awaitLine("WRITING"::equals);
        return writer;
    }

    /** Writer JVM: {@code fleet size shared node incarnation}. Publishes self-checking frames until STOP or SIGKILL. */
    public static final class Writer
    {
        private static volatile boolean stop;

        public static void main(final String[] args)
        {
            final String name = args[0];
            final int size = Integer.parseInt(args[1]);
            final boolean shared = Boolean.parseBoolean(args[2]);
            final int node = Integer.parseInt(args[3]);
            final long incarnation = Long.parseLong(args[4]);
            final Thread control = new Thread(() ->
            {
                CrossProcessSupport.awaitParentLine();
                stop = true;
            }, "stop-listener");
            control.setDaemon(true);
            control.start();
            try (Fleet fleet = joinRetrying(name, size, node))
            {
                final Ring ring = fleet.ring(spec(shared));
                final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD_CAPACITY]);
                final CRC32 crc = new CRC32();
                say("WRITING");
                long n = 0;
                while (!stop)
                {
                    final long sequence = (incarnation << INCARNATION_SHIFT) | n;
                    final int length = checkedLength(n, PAYLOAD_CAPACITY);
                    writeChecked(payload, node, sequence, length, crc);
                    ring.publish(node, sequence, payload, 0, length);
                    n++;
                    if ((n & 7) == 0)
                    {
                        for (int i = 0; i < 50; i++)
                        {
                            Thread.onSpinWait(); // slack so readers deliver some frames, not only lose them
                        }
                    }
                }
                say("DONE published=" + n + " takenOver=" + ring.writerStats().takenOver());
            }
        }

        private static Fleet joinRetrying(final String name, final int size, final int node)
        {
            // The predecessor was reaped before this JVM started, so its lease lock is already gone; retry only as a guard.
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true)
            {
                try
                {
                    return Fleet.joinShmAs(name, size, node);
                }
                catch (final NodeInUseException ex)
                {
                    if (System.nanoTime() - deadline > 0)
                    {
                        throw ex;
                    }
                    Thread.onSpinWait();
                }
            }
        }
    }

    /** Reader JVM: {@code fleet size shared node writers}. Polls from the start until STOP, then drains to the final heads. */
    public static final class Reader
    {
        private static volatile boolean stop;

        public static void main(final String[] args)
        {
            final String name = args[0];
            final int size = Integer.parseInt(args[1]);
            final boolean sharedRing = Boolean.parseBoolean(args[2]);
            final int node = Integer.parseInt(args[3]);
            final int writers = Integer.parseInt(args[4]);
            final Thread control = new Thread(() ->
            {
                CrossProcessSupport.awaitParentLine();
                stop = true;
            }, "stop-listener");
            control.setDaemon(true);
            control.start();
            try (Fleet fleet = Fleet.joinShmAs(name, size, node))
            {
                final Ring ring = fleet.ring(spec(sharedRing));
                final CheckedReader reader = new CheckedReader(ring, writers, (frame, writer, sequence) ->
                    writer >= 1 && NetId64.node(frame.id()) == writer && frame.frameKind() == writer
                    && frame.version() == sequence && NetId64.counterMatches(frame.id(), frame.counter())
                    && frame.payloadLength() == checkedLength(sequence & ((1L << INCARNATION_SHIFT) - 1), PAYLOAD_CAPACITY)
                    && (sharedRing || frame.lane() == writer));
                say("READY");

                boolean timedOut = false;
                long drainDeadline = Long.MAX_VALUE;
                while (true)
                {
                    if (stop && drainDeadline == Long.MAX_VALUE)
                    {
                        // Writers are all gone now: the heads are final. A dead SHARED writer's slot may take the pending bound to give up.
                        drainDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    }
                    if (drainDeadline != Long.MAX_VALUE && reader.caughtUp())
                    {
                        break;
                    }
                    reader.poll();
                    if (System.nanoTime() - drainDeadline > 0)
                    {
                        timedOut = true;
                        break;
                    }
                }
                long finalHeads = 0;
                for (int lane = 0; lane < ring.laneCount(); lane++)
                {
                    finalHeads += ring.head(lane);
                }
                say("RESULT " + reader.result() + " finalHeads=" + finalHeads + " timedOut=" + timedOut);
            }
        }
    }
}
