package io.orbit.runtime.codec;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.RingLayout;
import io.orbit.runtime.segment.ProcessIdentity;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.orbit.runtime.ring.CrossProcessSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A JVM built with version 1 of a record ({@link ReadingV1}) and one built with version 2
 * ({@link ReadingV2}, two components appended) share one ring without a restart or a clean: each
 * reads what the other stores (defaults for what version 1 lacks, the known prefix of what version
 * 2 adds), under load in both directions at once with exact accounting, and the ring's header
 * keeps the highest layout version that attached.
 */
class VersionedRingCrossProcessTest
{
    private static final long STORES = 200_000;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private Path segment(final String fleet)
    {
        return dir.resolve("orbit-" + fleet + "-" + ReadingV1Codec.KIND + "-" + ProcessIdentity.uid());
    }

    /** Layout version (header offset 60) and the count of stored component signatures of the segment. */
    private static int[] stamp(final Path segment)
    {
        try
        {
            final UnsafeBuffer header = new UnsafeBuffer(Files.readAllBytes(segment));
            int signatures = 0;
            while (signatures < RingLayout.SIGNATURE_CAPACITY && header.getByte(RingLayout.SIGNATURES_OFFSET + signatures) != 0)
            {
                signatures++;
            }
            return new int[] {header.getInt(RingLayout.LAYOUT_VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN), signatures};
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Map<String, String> ask(final ChildJvm child, final String command)
    {
        send(child, command);
        return fields(child.awaitPrefix("DONE "));
    }

    @Test
    void versionOneAndVersionTwoReadEachOthersValuesAndTheLayoutVersionNeverFalls()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Path segment = segment(name);
        try (ChildJvm v1 = ChildJvm.start(dir.path(), Child.class, name, "0", "1", "serve");
            ChildJvm v2 = ChildJvm.start(dir.path(), Child.class, name, "1", "2", "serve"))
        {
            v1.awaitLine("READY"::equals);
            send(v2, "open");
            v2.awaitLine("READY"::equals);
            assertArrayEquals(new int[] {2, 4}, stamp(segment), "version 2 attached: layout version 2, four signatures");

            ask(v1, "store 7");
            ask(v2, "store 9");
            final Map<String, String> own = ask(v2, "load 1");
            assertEquals("true", own.get("hasExtra"));
            assertEquals("true", own.get("hasLabel"));
            assertEquals(String.valueOf(ReadingV2.extraOf(9)), own.get("extra"));
            assertEquals(ReadingV2.labelOf(9), own.get("label"));

            // The same view now holds version 2's bytes 16..31: a reader that ignored the length would decode them.
            final Map<String, String> fromV1 = ask(v2, "load 0");
            assertEquals("7", fromV1.get("seq"));
            assertEquals("16", fromV1.get("length"), "payload length: version 1's encoded length");
            assertEquals("true", fromV1.get("intact"), "version-1 components read, appended ones at their defaults: " + fromV1);
            assertEquals("false", fromV1.get("hasExtra"));
            assertEquals("false", fromV1.get("hasLabel"));
            assertEquals("0", fromV1.get("extra"));
            assertEquals("", fromV1.get("label"));

            final Map<String, String> fromV2 = ask(v1, "load 1");
            assertEquals("9", fromV2.get("seq"));
            assertEquals("32", fromV2.get("length"), "payload length: version 2's encoded length");
            assertEquals("true", fromV2.get("intact"), "version 1 reads its prefix of a version-2 value: " + fromV2);

            send(v1, "quit");
            assertEquals(0, v1.awaitExit());
        }
        try (ChildJvm again = ChildJvm.start(dir.path(), Child.class, name, "0", "1", "serve"))
        {
            again.awaitLine("READY"::equals);
            assertArrayEquals(new int[] {2, 4}, stamp(segment), "a version-1 attach lowers neither the version nor the signatures");
            final Map<String, String> fromV2 = ask(again, "load 1");
            assertEquals("9", fromV2.get("seq"));
            assertEquals("true", fromV2.get("intact"));
        }
    }

    @Test
    void bothDirectionsAtOnceUnderLoadDeliverOrCountEveryValueAndNoneTorn()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ChildJvm v1 = ChildJvm.start(dir.path(), Child.class, name, "0", "1", "load");
            ChildJvm v2 = ChildJvm.start(dir.path(), Child.class, name, "1", "2", "load"))
        {
            v1.awaitLine("READY"::equals);
            send(v2, "open");
            v2.awaitLine("READY"::equals);
            send(v1, "go");
            send(v2, "go");
            for (final ChildJvm child : new ChildJvm[] {v1, v2})
            {
                final Map<String, String> result = fields(child.awaitPrefix("RESULT "));
                System.out.println("VersionedRingCrossProcessTest " + result);
                assertEquals("0", result.get("torn"), () -> "torn or misread values: " + result);
                assertEquals("0", result.get("corrupt"), () -> "corrupt: " + result);
                assertEquals("0", result.get("abandoned"), () -> "abandoned: " + result);
                long gaps = 0;
                for (int lane = 0; lane < 2; lane++)
                {
                    final long delivered = Long.parseLong(result.get("delivered" + lane));
                    final long skipped = Long.parseLong(result.get("gaps" + lane));
                    assertEquals(STORES, delivered + skipped, "lane " + lane + ": delivered + overwritten = published, " + result);
                    assertTrue(delivered > 0, () -> "lane read: " + result);
                    gaps += skipped;
                }
                assertEquals(gaps, Long.parseLong(result.get("overwritten")), () -> "the cursor counted every gap: " + result);
                assertEquals(0, child.awaitExit());
            }
        }
    }

    /**
     * Child JVM: {@code fleet node version mode}. Joins the fleet of 2 as {@code node} and opens the
     * ring with {@link ReadingV1Codec} or {@link ReadingV2Codec} (version 2 waits for {@code open},
     * so version 1 creates the ring), then prints {@code READY}.
     * <ul>
     *   <li>{@code serve}: answers {@code store SEQ}, {@code load NODE} and {@code quit} on stdin,
     *       each with a {@code DONE key=value...} line.</li>
     *   <li>{@code load}: after {@code go}, stores 1..{@value #STORES} while a second thread reads
     *       both lanes with a cursor; prints {@code RESULT} with per-lane counts.</li>
     * </ul>
     */
    public static final class Child
    {
        public static void main(final String[] args) throws InterruptedException
        {
            final int node = Integer.parseInt(args[1]);
            final boolean v2 = "2".equals(args[2]);
            if (v2)
            {
                awaitParentLine();
            }
            try (Fleet fleet = Fleet.joinShmAs(args[0], 2, node))
            {
                final Orbital<?> orbital = v2 ? Orbital.of(fleet, ReadingV2Codec.CODEC) : Orbital.of(fleet, ReadingV1Codec.CODEC);
                say("READY");
                if ("serve".equals(args[3]))
                {
                    serve(orbital, v2);
                }
                else
                {
                    awaitParentLine();
                    load(orbital, v2);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static void store(final Orbital<?> orbital, final boolean v2, final long seq)
        {
            if (v2)
            {
                ((Orbital<ReadingV2>)orbital).store(ReadingV2.of(seq));
            }
            else
            {
                ((Orbital<ReadingV1>)orbital).store(ReadingV1.of(seq));
            }
        }

        private static void serve(final Orbital<?> orbital, final boolean v2)
        {
            final FrameView view = orbital.ring().newFrameView();
            for (String line = awaitParentLine(); line != null && !line.equals("quit"); line = awaitParentLine())
            {
                final String[] words = line.split(" ");
                if (words[0].equals("store"))
                {
                    store(orbital, v2, Long.parseLong(words[1]));
                    say("DONE stored=" + words[1]);
                    continue;
                }
                if (!orbital.loadView(Integer.parseInt(words[1]), view))
                {
                    say("DONE found=false");
                    continue;
                }
                final int length = view.payloadLength();
                final Object value = orbital.decode(view);
                if (value instanceof ReadingV2 reading)
                {
                    say("DONE seq=" + reading.seq() + " length=" + length + " intact="
                        + (length == ReadingV1Codec.ENCODED_LENGTH ? reading.intactFromVersion1() : reading.intact())
                        + " hasExtra=" + ReadingV2Codec.hasExtra(length) + " hasLabel=" + ReadingV2Codec.hasLabel(length)
                        + " extra=" + ReadingV2Codec.extra(view.payload(), 0, length)
                        + " label=" + ReadingV2Codec.label(view.payload(), 0, length));
                }
                else
                {
                    final ReadingV1 reading = (ReadingV1)value;
                    say("DONE seq=" + reading.seq() + " length=" + length + " intact=" + reading.intact());
                }
            }
            say("DONE quit");
        }

        private static void load(final Orbital<?> orbital, final boolean v2) throws InterruptedException
        {
            final Reader reader = new Reader(orbital, v2);
            final Thread reading = new Thread(reader::run, "reader");
            reading.start();
            for (long seq = 1; seq <= STORES; seq++)
            {
                store(orbital, v2, seq);
            }
            reading.join();
            say("RESULT " + reader.result());
        }
    }

    /**
     * Reads both lanes (node 0 writes version 1, node 1 version 2) until each has moved past every
     * store: counts delivered values and sequence gaps per lane, and values that are torn, out of
     * order, or of the wrong length for their writer's version.
     */
    private static final class Reader
    {
        private final Orbital<?> orbital;
        private final boolean v2;
        private final long[] delivered = new long[2];
        private final long[] gaps = new long[2];
        private final long[] last = new long[2];
        private long torn;
        private long overwritten;
        private long corrupt;
        private long abandoned;

        Reader(final Orbital<?> orbital, final boolean v2)
        {
            this.orbital = orbital;
            this.v2 = v2;
        }

        void run()
        {
            final RingCursor cursor = orbital.ring().cursorFromStart();
            while (cursor.next(0) < STORES || cursor.next(1) < STORES)
            {
                if (cursor.poll(this::onFrame).delivered() == 0)
                {
                    Thread.onSpinWait();
                }
            }
            for (int lane = 0; lane < 2; lane++)
            {
                gaps[lane] += STORES - last[lane];
            }
            this.overwritten = cursor.totals().overwritten();
            this.corrupt = cursor.totals().corrupt();
            this.abandoned = cursor.totals().abandoned();
        }

        private void onFrame(final FrameView view)
        {
            final int lane = view.lane();
            final int expectedLength = lane == 0 ? ReadingV1Codec.ENCODED_LENGTH : ReadingV2Codec.ENCODED_LENGTH;
            final Object value = orbital.decode(view);
            final long seq;
            final boolean intact;
            if (v2)
            {
                final ReadingV2 reading = (ReadingV2)value;
                seq = reading.seq();
                intact = lane == 0 ? reading.intactFromVersion1() : reading.intact();
            }
            else
            {
                final ReadingV1 reading = (ReadingV1)value;
                seq = reading.seq();
                intact = reading.intact();
            }
            if (!intact || view.payloadLength() != expectedLength || seq <= last[lane] || seq > STORES)
            {
                torn++;
                return;
            }
            delivered[lane]++;
            gaps[lane] += seq - last[lane] - 1;
            last[lane] = seq;
        }

        String result()
        {
            return "delivered0=" + delivered[0] + " gaps0=" + gaps[0] + " delivered1=" + delivered[1] + " gaps1=" + gaps[1]
                + " overwritten=" + overwritten + " corrupt=" + corrupt + " abandoned=" + abandoned + " torn=" + torn;
        }
    }
}
