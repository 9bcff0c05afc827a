package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Several writer threads and one concurrent reader thread in one JVM, every payload self-checking
 * (writer, sequence, filler derived from both, CRC32). No delivered frame may fail its checksum or
 * come out of order, and every poll keeps {@code delivered + overwritten + abandoned + corrupt == movedPast}.
 * Cross-process torture is in the {@code CrossProcess*} tests.
 */
class ConcurrentRingTest
{
    private static final int PAYLOAD = 512;
    private static final int CHECKED = PAYLOAD - 8;
    private static final int PER_WRITER = 50_000;
    private static final long DEADLINE_MS = 60_000;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    static Stream<Arguments> backingsTopologiesAndCapacities()
    {
        return Stream.of(FleetBacking.values()).flatMap(backing -> Stream.of(Topology.values())
            .flatMap(topology -> Stream.of(8, 256).map(capacity -> Arguments.of(backing, topology, capacity))));
    }

    /** Encodes one self-checking payload. */
    static void encode(final UnsafeBuffer buffer, final int writer, final long sequence)
    {
        buffer.putInt(0, writer, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(4, sequence, ByteOrder.LITTLE_ENDIAN);
        for (int i = 12; i < CHECKED; i++)
        {
            buffer.putByte(i, (byte)(sequence * 31 + writer * 17 + i));
        }
        final CRC32 crc = new CRC32();
        final byte[] bytes = new byte[CHECKED];
        buffer.getBytes(0, bytes);
        crc.update(bytes);
        buffer.putLong(CHECKED, crc.getValue(), ByteOrder.LITTLE_ENDIAN);
    }

    /** What the reader thread saw. */
    private static final class ReaderReport implements FrameHandler
    {
        private final int writers;
        private final boolean perNode;
        private final long[] lastSequence;
        private final byte[] copy = new byte[PAYLOAD];
        private final CRC32 crc = new CRC32();
        long badLength;
        long badChecksum;
        long badWriter;
        long outOfOrder;
        long counterMismatch;
        long invariantBroken;
        long delivered;
        long polls;
        boolean timedOut;

        ReaderReport(final int writers, final boolean perNode)
        {
            this.writers = writers;
            this.perNode = perNode;
            this.lastSequence = new long[writers + 1];
            Arrays.fill(lastSequence, -1);
        }

        @Override
        public void onFrame(final FrameView frame)
        {
            delivered++;
            if (frame.payloadLength() != PAYLOAD)
            {
                badLength++;
                return;
            }
            final DirectBuffer payload = frame.payload();
            payload.getBytes(0, copy);
            crc.reset();
            crc.update(copy, 0, CHECKED);
            if (crc.getValue() != payload.getLong(CHECKED, ByteOrder.LITTLE_ENDIAN))
            {
                badChecksum++;
                return;
            }
            final int writer = payload.getInt(0, ByteOrder.LITTLE_ENDIAN);
            final long sequence = payload.getLong(4, ByteOrder.LITTLE_ENDIAN);
            if (writer < 1 || writer > writers || NetId64.node(frame.id()) != writer)
            {
                badWriter++;
                return;
            }
            if (sequence <= lastSequence[writer])
            {
                outOfOrder++;
            }
            lastSequence[writer] = sequence;
            if (perNode && (frame.counter() != sequence || frame.lane() != writer))
            {
                counterMismatch++; // a PER_NODE lane has one writer: its counter is the writer's sequence
            }
        }

        @Override
        public String toString()
        {
            return "ReaderReport{delivered=" + delivered + ", polls=" + polls + ", badLength=" + badLength + ", badChecksum="
                + badChecksum + ", badWriter=" + badWriter + ", outOfOrder=" + outOfOrder + ", counterMismatch="
                + counterMismatch + ", invariantBroken=" + invariantBroken + ", timedOut=" + timedOut + "}";
        }
    }

    @ParameterizedTest(name = "{0} {1} capacity {2}")
    @MethodSource("backingsTopologiesAndCapacities")
    void writersAndAConcurrentReaderNeverTearAFrame(final FleetBacking backing, final Topology topology, final int capacity)
        throws Exception
    {
        final int writers = 4;
        final long total = (long)writers * PER_WRITER;
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = new RingSpec(60, capacity, PAYLOAD, topology, 0);
        final List<Fleet> fleets = new ArrayList<>();
        try
        {
            for (int node = 0; node <= writers; node++)
            {
                fleets.add(backing.join(dir, name, writers + 1, node));
            }
            final Ring reader = fleets.get(0).ring(spec);
            final RingCursor cursor = reader.cursorFromStart();
            final ReaderReport report = new ReaderReport(writers, topology == Topology.PER_NODE);
            final AtomicBoolean writersDone = new AtomicBoolean();
            final CyclicBarrier start = new CyclicBarrier(writers + 1);

            final Thread readerThread = new Thread(() ->
            {
                awaitBarrier(start);
                final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
                while (true)
                {
                    final boolean done = writersDone.get();
                    final PollStats stats = cursor.poll(report);
                    report.polls++;
                    if (stats.delivered() + stats.overwritten() + stats.abandoned() + stats.corrupt() != stats.movedPast())
                    {
                        report.invariantBroken++;
                    }
                    if (done && caughtUp(reader, cursor))
                    {
                        return;
                    }
                    if (System.nanoTime() - deadline > 0)
                    {
                        report.timedOut = true;
                        return;
                    }
                }
            }, "reader");

            final List<Thread> writerThreads = new ArrayList<>();
            final List<Ring> writerRings = new ArrayList<>();
            for (int w = 1; w <= writers; w++)
            {
                final int writer = w;
                final Ring ring = fleets.get(w).ring(spec);
                writerRings.add(ring);
                writerThreads.add(new Thread(() ->
                {
                    final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD]);
                    awaitBarrier(start);
                    for (long sequence = 0; sequence < PER_WRITER; sequence++)
                    {
                        encode(payload, writer, sequence);
                        ring.publish(0, sequence, payload, 0, PAYLOAD);
                    }
                }, "writer-" + w));
            }
            readerThread.start();
            writerThreads.forEach(Thread::start);
            for (final Thread thread : writerThreads)
            {
                thread.join();
            }
            writersDone.set(true);
            readerThread.join();

            final PollStats totals = cursor.totals();
            final String where = report + " " + totals + " " + writerRings.stream().map(Ring::writerStats).toList();
            System.out.println("ConcurrentRingTest " + backing + " " + topology + " " + capacity + ": " + where);
            assertFalse(report.timedOut, where);
            assertEquals(0, report.badLength, where);
            assertEquals(0, report.badChecksum, where);
            assertEquals(0, report.badWriter, where);
            assertEquals(0, report.outOfOrder, where);
            assertEquals(0, report.counterMismatch, where);
            assertEquals(0, report.invariantBroken, where);
            assertEquals(0, totals.corrupt(), where);
            assertEquals(total, totals.movedPast(), "every counter accounted for exactly once: " + where);
            assertEquals(total, totals.delivered() + totals.lost(), where);
            assertEquals(report.delivered, totals.delivered(), where);
            assertTrue(totals.delivered() > 0, where);
            if (topology == Topology.PER_NODE)
            {
                assertEquals(0, totals.abandoned(), "PER_NODE heads cover committed frames only: " + where);
            }
            long headSum = 0;
            for (int lane = 0; lane < reader.laneCount(); lane++)
            {
                headSum += reader.head(lane);
            }
            assertEquals(total, headSum, where);
        }
        finally
        {
            fleets.forEach(Fleet::close);
        }
    }

    private static boolean caughtUp(final Ring ring, final RingCursor cursor)
    {
        for (int lane = 0; lane < ring.laneCount(); lane++)
        {
            if (cursor.next(lane) != ring.head(lane))
            {
                return false;
            }
        }
        return true;
    }

    private static void awaitBarrier(final CyclicBarrier barrier)
    {
        try
        {
            barrier.await();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
