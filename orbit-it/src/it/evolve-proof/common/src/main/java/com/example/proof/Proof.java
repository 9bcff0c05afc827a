package com.example.proof;

import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.codec.Orbital;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.PollStats;
import io.orbit.runtime.ring.RingCursor;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The driver both builds of {@code com.example.Load} run, one process per call:
 * <ul>
 *   <li>{@code store <fleet> <node> <count>}: stores values 0..count-1 as that node, prints {@code STORED}.</li>
 *   <li>{@code load <fleet> <node> <peer>}: prints the peer's newest value and its frame's payload length.</li>
 *   <li>{@code both <fleet> <node> <count>}: stores values 0..count-1 on one thread while the main thread
 *       follows both lanes of the two-node fleet from their start, checking every frame it is delivered,
 *       until it has seen both last values; prints {@code ACCOUNT ...} and exits 2 unless it is exact.</li>
 * </ul>
 * Value {@code i} carries {@code busy = i}, so a reader counts what the lossy ring overwrote by the gaps
 * in {@code busy}: per lane {@code seen + skipped == total}, and the sums equal the runtime's own
 * delivered and lost counts.
 */
public final class Proof
{
    private static final int FLEET_SIZE = 2;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private Proof()
    {
    }

    /**
     * What one build of the record contributes.
     *
     * @param <T> the record.
     */
    public interface Version<T>
    {
        /**
         * @return e.g. {@code v2}.
         */
        String name();

        /**
         * @return the generated codec.
         */
        OrbitCodec<T> codec();

        /**
         * @param i    sequence number.
         * @param node the writing node.
         * @return the i-th value this node stores.
         */
        T value(int i, int node);

        /**
         * @param frame a frame of the peer, written by any version.
         * @return its sequence number ({@code busy}).
         */
        int sequence(FrameView frame);

        /**
         * @param frame a frame of the peer, written by any version.
         * @param peer  the node that wrote it.
         * @return null when every component this build knows holds what the writer stored (or its
         *         default, for a frame of an older version); else what is wrong.
         */
        String problem(FrameView frame, int peer);

        /**
         * @param value a loaded value.
         * @param length its frame's payload length.
         * @return a one-line description.
         */
        String describe(T value, int length);
    }

    /**
     * @param version the build.
     * @param args    see the class comment.
     * @param <T>     the record.
     */
    public static <T> void run(final Version<T> version, final String[] args)
    {
        final String mode = args[0];
        final String fleetName = args[1];
        final int node = Integer.parseInt(args[2]);
        try (Fleet fleet = Fleet.joinShmAs(fleetName, FLEET_SIZE, node))
        {
            final Orbital<T> orbital = Orbital.of(fleet, version.codec());
            switch (mode)
            {
                case "store" -> store(version, orbital, node, Integer.parseInt(args[3]));
                case "load" -> load(version, orbital, Integer.parseInt(args[3]));
                case "both" -> both(version, orbital, node, Integer.parseInt(args[3]));
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
    }

    private static <T> void store(final Version<T> version, final Orbital<T> orbital, final int node, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            orbital.store(version.value(i, node));
        }
        System.out.println("STORED " + version.name() + " node=" + node + " count=" + count);
    }

    private static <T> void load(final Version<T> version, final Orbital<T> orbital, final int peer)
    {
        final FrameView view = orbital.ring().newFrameView();
        if (!orbital.loadView(peer, view))
        {
            System.out.println("LOADED " + version.name() + " none");
            return;
        }
        final String problem = version.problem(view, peer);
        System.out.println("LOADED " + version.name() + " " + version.describe(orbital.decode(view), view.payloadLength())
            + (problem == null ? "" : " PROBLEM " + problem));
    }

    private static <T> void both(final Version<T> version, final Orbital<T> orbital, final int node, final int count)
    {
        final int peer = 1 - node;
        final Thread writer = new Thread(() -> store(version, orbital, node, count), "writer");
        final RingCursor cursor = orbital.ring().cursorFromStart();
        final Lane own = new Lane(version, node);
        final Lane other = new Lane(version, peer);
        final int ownLane = orbital.ring().writeLane();
        writer.start();
        final long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while ((own.last < count - 1 || other.last < count - 1) && System.nanoTime() < deadline)
        {
            cursor.poll(frame -> (frame.lane() == ownLane ? own : other).onFrame(frame));
        }
        join(writer);
        final PollStats runtime = cursor.totals();
        System.out.println("ACCOUNT " + version.name() + " node=" + node + " peer=" + peer + " total=" + count
            + " peer-seen=" + other.seen + " peer-skipped=" + other.skipped + " peer-last=" + other.last
            + " own-seen=" + own.seen + " own-skipped=" + own.skipped + " own-last=" + own.last
            + " torn=" + (own.torn + other.torn) + " runtime-delivered=" + runtime.delivered() + " runtime-lost=" + runtime.lost()
            + " runtime-corrupt=" + runtime.corrupt() + " runtime-abandoned=" + runtime.abandoned()
            + " peer-lengths=" + other.lengths
            + (other.firstProblem == null ? "" : " first-problem=" + other.firstProblem)
            + (own.firstProblem == null ? "" : " own-first-problem=" + own.firstProblem));
        final boolean exact = other.seen + other.skipped == count && own.seen + own.skipped == count
            && runtime.delivered() == other.seen + own.seen && runtime.lost() == other.skipped + own.skipped;
        if (!exact || own.torn + other.torn != 0 || runtime.corrupt() != 0)
        {
            System.exit(2);
        }
    }

    private static void join(final Thread thread)
    {
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the writer ran", ex);
        }
    }

    /**
     * Counts one lane's frames as one reader is delivered them: the gaps in the sequence numbers are
     * what the lossy ring overwrote before the reader came by, and must equal the runtime's own count.
     */
    private static final class Lane
    {
        private final Version<?> version;
        private final int writer;
        private final Map<Integer, Long> lengths = new TreeMap<>();
        private long seen;
        private long skipped;
        private long torn;
        private int last = -1;
        private String firstProblem;

        private Lane(final Version<?> version, final int writer)
        {
            this.version = version;
            this.writer = writer;
        }

        private void onFrame(final FrameView frame)
        {
            seen++;
            lengths.merge(frame.payloadLength(), 1L, Long::sum);
            final int sequence = version.sequence(frame);
            final String problem = sequence <= last ? "sequence " + sequence + " after " + last : version.problem(frame, writer);
            if (problem != null)
            {
                torn++;
                firstProblem = firstProblem == null ? problem : firstProblem;
                return;
            }
            skipped += sequence - last - 1;
            last = sequence;
        }
    }
}
