package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static io.orbit.runtime.ring.CrossProcessSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Two writer JVMs race on one SHARED ring of 64 slots while a reader JVM polls it concurrently.
 * Writers lap each other and the reader constantly, so every SHARED path runs: claims by
 * {@code getAndAdd}, CAS acquisition, drops at birth, waits behind a writer that is mid-write,
 * overwritten counters. Every payload is self-checking (writer node, sequence, filler, CRC32) and
 * the frame header repeats node and sequence, so a torn or mixed delivery cannot go unnoticed.
 *
 * <p>The reader asserts, and reports: no delivery fails its checksum; every delivered
 * (writer, sequence) is unique and increasing per writer; on every poll
 * {@code delivered + overwritten + abandoned + corrupt == movedPast}; in total the cursor moved past
 * exactly the final head it consumed to; nothing is corrupt.
 */
class CrossProcessSharedTortureTest
{
    private static final int KIND = 52;
    private static final int CAPACITY = 64;
    private static final int PAYLOAD_CAPACITY = 96;
    private static final int FLEET_SIZE = 4;
    private static final int READER_NODE = 0;
    private static final int[] WRITER_NODES = {1, 2};
    private static final int PARENT_NODE = 3;
    private static final long FRAMES_PER_WRITER = 200_000;

    private static RingSpec spec()
    {
        return RingSpec.shared(KIND, CAPACITY, PAYLOAD_CAPACITY);
    }

    @Test
    void twoWriterProcessesAndAReaderProcessOnOneSharedRing()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final long total = FRAMES_PER_WRITER * WRITER_NODES.length;
        try (ShmDirectory dir = ShmDirectory.create();
            Fleet fleet = Fleet.joinShmAs(name, FLEET_SIZE, PARENT_NODE, dir.path());
            ChildJvm reader = ChildJvm.start(dir.path(), Reader.class, name, Long.toString(total));
            ChildJvm writerA = ChildJvm.start(dir.path(), Writer.class, name, Integer.toString(WRITER_NODES[0]),
                Long.toString(FRAMES_PER_WRITER));
            ChildJvm writerB = ChildJvm.start(dir.path(), Writer.class, name, Integer.toString(WRITER_NODES[1]),
                Long.toString(FRAMES_PER_WRITER)))
        {
            final Ring ring = fleet.ring(spec());
            reader.awaitLine("READY"::equals);
            writerA.awaitLine("READY"::equals);
            writerB.awaitLine("READY"::equals);
            send(writerA, "GO");
            send(writerB, "GO");

            final Map<String, String> statsA = fields(writerA.awaitPrefix("DONE "));
            final Map<String, String> statsB = fields(writerB.awaitPrefix("DONE "));
            final Map<String, String> result = fields(reader.awaitPrefix("RESULT "));
            System.out.println("CrossProcessSharedTortureTest writer 1: " + statsA);
            System.out.println("CrossProcessSharedTortureTest writer 2: " + statsB);
            System.out.println("CrossProcessSharedTortureTest reader: " + result);
            assertEquals(0, writerA.awaitExit());
            assertEquals(0, writerB.awaitExit());
            assertEquals(0, reader.awaitExit());

            assertEquals("false", result.get("timedOut"), () -> "reader report: " + result);
            assertEquals(0, value(result, "badChecksum"), "deliveries whose checksum fails");
            assertEquals(0, value(result, "badHeader"), "frame header disagrees with the checked payload");
            assertEquals(0, value(result, "notIncreasing"), "a (writer, sequence) delivered twice or out of order");
            assertEquals(0, value(result, "invariantBroken"), "delivered+overwritten+abandoned+corrupt != movedPast in a poll");
            assertEquals(0, value(result, "corrupt"));
            assertEquals(total, value(result, "finalHead"));
            assertEquals(total, value(result, "next"));
            assertEquals(total, value(result, "movedPast"), "in total the cursor moved past exactly the final head");
            assertEquals(total, value(result, "delivered") + value(result, "overwritten") + value(result, "abandoned")
                + value(result, "corrupt"));
            assertEquals(value(result, "delivered"), value(result, "delivered1") + value(result, "delivered2"));
            assertTrue(value(result, "delivered") > 0, "the reader delivered nothing");
            assertTrue(value(result, "overwritten") > 0, "64 slots and 400 000 frames: the reader must have been lapped");
            assertEquals(total, ring.head(0));
            for (final Map<String, String> stats : List.of(statsA, statsB))
            {
                assertEquals(FRAMES_PER_WRITER, value(stats, "published"));
                assertEquals(0, value(stats, "takenOver"), "a live writer lost its slot: " + stats);
            }
        }
    }

    private static long value(final Map<String, String> fields, final String key)
    {
        final String value = fields.get(key);
        assertNotNull(value, () -> "no " + key + " in " + fields);
        return Long.parseLong(value);
    }

    /** Reader JVM: {@code fleet totalFrames}. Polls from the start until it moved past every counter. */
    public static final class Reader
    {
        private static final long[] DELIVERED_BY_WRITER = new long[3];

        public static void main(final String[] args)
        {
            final String name = args[0];
            final long total = Long.parseLong(args[1]);
            try (Fleet fleet = Fleet.joinShmAs(name, FLEET_SIZE, READER_NODE))
            {
                final Ring ring = fleet.ring(spec());
                final CheckedReader reader = new CheckedReader(ring, 2, (frame, writer, sequence) ->
                {
                    final boolean matches = (writer == WRITER_NODES[0] || writer == WRITER_NODES[1])
                        && NetId64.node(frame.id()) == writer && frame.frameKind() == writer && frame.version() == sequence
                        && NetId64.counterMatches(frame.id(), frame.counter())
                        && frame.payloadLength() == checkedLength(sequence, PAYLOAD_CAPACITY);
                    if (matches)
                    {
                        DELIVERED_BY_WRITER[writer]++;
                    }
                    return matches;
                });
                say("READY");

                boolean timedOut = false;
                final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (reader.cursor().next(0) < total)
                {
                    reader.poll();
                    if (System.nanoTime() - deadline > 0)
                    {
                        timedOut = true;
                        break;
                    }
                }
                say("RESULT " + reader.result() + " next=" + reader.cursor().next(0) + " finalHead=" + ring.head(0)
                    + " delivered1=" + DELIVERED_BY_WRITER[1] + " delivered2=" + DELIVERED_BY_WRITER[2] + " timedOut=" + timedOut);
            }
        }
    }

    /** Writer JVM: {@code fleet node frames}. Publishes self-checking frames 0..frames-1 after GO. */
    public static final class Writer
    {
        public static void main(final String[] args)
        {
            final String name = args[0];
            final int node = Integer.parseInt(args[1]);
            final long frames = Long.parseLong(args[2]);
            try (Fleet fleet = Fleet.joinShmAs(name, FLEET_SIZE, node))
            {
                final Ring ring = fleet.ring(spec());
                final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD_CAPACITY]);
                final CRC32 crc = new CRC32();
                say("READY");
                if (!"GO".equals(awaitParentLine()))
                {
                    return;
                }
                final long start = System.nanoTime();
                for (long sequence = 0; sequence < frames; sequence++)
                {
                    final int length = checkedLength(sequence, PAYLOAD_CAPACITY);
                    writeChecked(payload, node, sequence, length, crc);
                    ring.publish(node, sequence, payload, 0, length);
                    if ((sequence & 7) == 7)
                    {
                        pace(); // a little slack lets the reader deliver more under contention, not only lose
                    }
                }
                final WriterStats stats = ring.writerStats();
                say("DONE published=" + frames + " millis=" + (System.nanoTime() - start) / 1_000_000
                    + " lappedAtBirth=" + stats.lappedAtBirth() + " takeovers=" + stats.takeovers()
                    + " takenOver=" + stats.takenOver() + " gaveUp=" + stats.gaveUpBehindLiveWriter());
            }
        }

        private static void pace()
        {
            for (int i = 0; i < 100; i++)
            {
                Thread.onSpinWait();
            }
        }
    }
}
