package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Counters past 2^40 (docs/orbit-rs.md W4): ring positions are full 64-bit counters, ids carry
 * the low 40 bits, and every comparison between them is made modulo 2^40, so reads, heads and cursors
 * keep working when a lane's counter crosses 2^40.
 */
class CounterWrapTest
{
    private static final long TWO_TO_40 = 1L << 40;
    private static final long START = TWO_TO_40 - 3;
    private static final int CAPACITY = 8;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private static byte[] payload(final int i)
    {
        return new byte[] {(byte)i, (byte)(i * 7), (byte)~i};
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void publishReadAndPollAcross2To40(final FleetBacking backing, final Topology topology)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final RingSpec spec = new RingSpec(50, CAPACITY, 8, topology, 0);
        try (Fleet writerFleet = backing.join(dir, name, 2, 1); Fleet readerFleet = backing.join(dir, name, 2, 0))
        {
            final Ring writer = writerFleet.ring(spec);
            final Ring reader = readerFleet.ring(spec);
            final int lane = writer.writeLane();
            RingTestHooks.forceLaneHead(writer, lane, START);
            final RingCursor atHead = reader.cursorAtHead();
            final RingCursor fromCounter = reader.cursorFromCounter(START);
            assertEquals(START, atHead.next(lane));

            final long[] ids = new long[6];
            for (int i = 0; i < ids.length; i++)
            {
                ids[i] = writer.publish(1, 100 + i, payload(i));
                assertEquals(1, NetId64.node(ids[i]));
                assertEquals(50, NetId64.kind(ids[i]));
                assertEquals((START + i) % TWO_TO_40, NetId64.counter(ids[i]), "ids carry the counter mod 2^40");
                assertEquals(2 * (START + i) + 2, RingTestHooks.stamp(writer, lane, START + i), "stamps use the full counter");
            }
            assertEquals(TWO_TO_40 + 3, reader.head(lane));
            assertEquals(List.of(TWO_TO_40 - 3, TWO_TO_40 - 2, TWO_TO_40 - 1, 0L, 1L, 2L),
                List.of(NetId64.counter(ids[0]), NetId64.counter(ids[1]), NetId64.counter(ids[2]),
                    NetId64.counter(ids[3]), NetId64.counter(ids[4]), NetId64.counter(ids[5])));

            for (int i = 0; i < ids.length; i++)
            {
                final Frame frame = reader.read(ids[i]).orElseThrow(() -> new AssertionError("read by id across 2^40"));
                assertArrayEquals(payload(i), frame.payload());
                assertEquals(100 + i, frame.version());
            }
            assertEquals(ids[5], reader.readHead().orElseThrow().id());
            assertArrayEquals(payload(5), reader.readAt(lane, TWO_TO_40 + 2).orElseThrow().payload());

            for (final RingCursor cursor : List.of(atHead, fromCounter))
            {
                final List<Long> counters = new ArrayList<>();
                final List<Long> idsSeen = new ArrayList<>();
                final PollStats stats = cursor.poll(frame ->
                {
                    counters.add(frame.counter());
                    idsSeen.add(frame.id());
                });
                assertEquals(6, stats.delivered(), stats.toString());
                assertEquals(0, stats.lost(), stats.toString());
                assertEquals(List.of(START, START + 1, START + 2, START + 3, START + 4, START + 5), counters);
                assertEquals(List.of(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]), idsSeen);
                assertEquals(TWO_TO_40 + 3, cursor.next(lane));
            }

            // Four more: the ring holds counters 2^40+7-8 .. 2^40+6, so the two oldest ids are gone.
            final long[] more = new long[4];
            for (int i = 0; i < more.length; i++)
            {
                more[i] = writer.publish(1, 200 + i, payload(10 + i));
            }
            assertTrue(reader.read(ids[0]).isEmpty());
            assertTrue(reader.read(ids[1]).isEmpty());
            assertArrayEquals(payload(2), reader.read(ids[2]).orElseThrow().payload());
            assertArrayEquals(payload(13), reader.read(more[3]).orElseThrow().payload());
            assertEquals(more[3], reader.readHead().orElseThrow().id());

            final RingPoll poll = atHead.poll();
            assertEquals(4, poll.frames().size());
            assertEquals(0, poll.lost());

            final RingPoll late = reader.cursorFromCounter(START).poll();
            assertEquals(2, late.overwritten());
            assertEquals(CAPACITY, late.frames().size());
            assertEquals(ids[2], late.frames().get(0).id());
        }
    }

    @ParameterizedTest
    @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")
    void anIdOfAnotherCounterWithTheSameLow40BitsIsNotConfusedWithinTheWindow(
        final FleetBacking backing, final Topology topology)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(new RingSpec(51, CAPACITY, 8, topology, 0));
            RingTestHooks.forceLaneHead(ring, 0, START);
            final long id = ring.publish(0, 1, payload(1));
            assertTrue(ring.read(NetId64.make(51, 0, START + 1)).isEmpty(), "the next counter is not published yet");
            assertTrue(ring.read(NetId64.make(51, 0, START - 1)).isEmpty(), "the previous counter was never written");
            assertTrue(ring.read(id).isPresent());
        }
    }
}
