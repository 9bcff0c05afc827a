package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.zip.CRC32;

import static io.orbit.runtime.ring.CrossProcessSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * One writer JVM streams self-checking frames into its PER_NODE lane while a reader JVM polls the
 * ring from the start at the same time. The small capacity makes the reader fall behind, so loss
 * is exercised, and every counter must be accounted for exactly: delivered frames are intact,
 * carry their own counter, come in order, and the counters between them are exactly the ones
 * reported overwritten. A PER_NODE lane head only covers committed frames, so nothing is ever
 * abandoned or corrupt.
 */
class CrossProcessPerNodeStreamTest
{
    private static final int KIND = 51;
    private static final int CAPACITY = 256;
    private static final int PAYLOAD_CAPACITY = 48;
    private static final int FLEET_SIZE = 3;
    private static final int WRITER_NODE = 1;
    private static final int READER_NODE = 2;
    private static final long FRAMES = 300_000;

    private static RingSpec spec()
    {
        return RingSpec.perNode(KIND, CAPACITY, PAYLOAD_CAPACITY);
    }

    @Test
    void readerProcessAccountsForEveryCounterOfAWriterProcess()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create();
            Fleet fleet = Fleet.joinShmAs(name, FLEET_SIZE, 0, dir.path());
            ChildJvm reader = ChildJvm.start(dir.path(), Reader.class, name, Long.toString(FRAMES));
            ChildJvm writer = ChildJvm.start(dir.path(), Writer.class, name, Long.toString(FRAMES)))
        {
            final Ring ring = fleet.ring(spec());
            reader.awaitLine("READY"::equals);
            writer.awaitLine("READY"::equals);
            send(writer, "GO");

            final Map<String, String> written = fields(writer.awaitPrefix("DONE "));
            assertEquals(FRAMES, Long.parseLong(written.get("published")));
            final Map<String, String> result = fields(reader.awaitPrefix("RESULT "));
            System.out.println("CrossProcessPerNodeStreamTest reader: " + result);
            assertEquals(0, writer.awaitExit());
            assertEquals(0, reader.awaitExit());

            final long delivered = Long.parseLong(result.get("delivered"));
            final long overwritten = Long.parseLong(result.get("overwritten"));
            assertEquals("false", result.get("timedOut"), () -> "reader report: " + result);
            assertEquals(0, Long.parseLong(result.get("badChecksum")), "torn or foreign payloads delivered");
            assertEquals(0, Long.parseLong(result.get("badHeader")), "frame header (or lane) differs from what the writer wrote");
            assertEquals(0, Long.parseLong(result.get("notIncreasing")), "lane order broken");
            assertEquals(0, Long.parseLong(result.get("corrupt")));
            assertEquals(0, Long.parseLong(result.get("abandoned")), "PER_NODE never abandons");
            assertEquals(0, Long.parseLong(result.get("invariantBroken")),
                "delivered+lost != movedPast, or the counters skipped differ from the counts, in some poll");
            assertEquals(FRAMES, Long.parseLong(result.get("movedPast")));
            assertEquals(FRAMES, delivered + overwritten);
            assertTrue(delivered >= CAPACITY, () -> "at least the last window is delivered: " + result);
            assertEquals(FRAMES, ring.head(WRITER_NODE));
            assertEquals(0, ring.head(0));
        }
    }

    /** Reader JVM: {@code fleet frames}. Polls from the start until it moved past every frame of the writer's lane. */
    public static final class Reader
    {
        public static void main(final String[] args)
        {
            final String name = args[0];
            final long frames = Long.parseLong(args[1]);
            try (Fleet fleet = Fleet.joinShmAs(name, FLEET_SIZE, READER_NODE))
            {
                final CheckedReader reader = new CheckedReader(fleet.ring(spec()), WRITER_NODE, (frame, writer, sequence) ->
                    frame.lane() == WRITER_NODE && writer == WRITER_NODE && frame.counter() == sequence
                    && frame.version() == sequence && frame.frameKind() == WRITER_NODE
                    && NetId64.node(frame.id()) == WRITER_NODE && NetId64.counter(frame.id()) == sequence
                    && frame.payloadLength() == checkedLength(sequence, PAYLOAD_CAPACITY));
                say("READY");

                boolean timedOut = false;
                final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (reader.cursor().next(WRITER_NODE) < frames)
                {
                    reader.poll();
                    if (System.nanoTime() - deadline > 0)
                    {
                        timedOut = true;
                        break;
                    }
                }
                say("RESULT " + reader.result() + " timedOut=" + timedOut);
            }
        }
    }

    /** Writer JVM: {@code fleet frames}. Publishes self-checking frames 0..frames-1 into its lane after GO. */
    public static final class Writer
    {
        public static void main(final String[] args)
        {
            final String name = args[0];
            final long frames = Long.parseLong(args[1]);
            try (Fleet fleet = Fleet.joinShmAs(name, FLEET_SIZE, WRITER_NODE))
            {
                final Ring ring = fleet.ring(spec());
                final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD_CAPACITY]);
                final CRC32 crc = new CRC32();
                say("READY");
                if (!"GO".equals(awaitParentLine()))
                {
                    return;
                }
                for (long sequence = 0; sequence < frames; sequence++)
                {
                    final int length = checkedLength(sequence, PAYLOAD_CAPACITY);
                    writeChecked(payload, WRITER_NODE, sequence, length, crc);
                    final long id = ring.publish(WRITER_NODE, sequence, payload, 0, length);
                    if (NetId64.counter(id) != sequence)
                    {
                        throw new AssertionError("lane counter " + NetId64.counter(id) + " for sequence " + sequence);
                    }
                }
                say("DONE published=" + frames + " head=" + ring.head());
            }
        }
    }
}
