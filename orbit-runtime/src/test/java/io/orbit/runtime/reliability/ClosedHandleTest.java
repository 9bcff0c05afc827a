package io.orbit.runtime.reliability;

import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.codec.RecordLayout;
import io.orbit.runtime.codec.Orbital;
import io.orbit.runtime.contest.Contest;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.exceptions.FleetClosedException;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.ReentrantPublishException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.ring.ExclusivePublisher;
import io.orbit.runtime.ring.Frame;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import static io.orbit.runtime.ring.CrossProcessSupport.awaitCondition;
import static io.orbit.runtime.ring.CrossProcessSupport.checkedLength;
import static io.orbit.runtime.ring.CrossProcessSupport.checkedNode;
import static io.orbit.runtime.ring.CrossProcessSupport.checkedSequence;
import static io.orbit.runtime.ring.CrossProcessSupport.verifyChecked;
import static io.orbit.runtime.ring.CrossProcessSupport.writeChecked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closed means closed: after {@link Fleet#close()} every write through the fleet, a ring or
 * exclusive publisher obtained before, and every substrate throws {@link FleetClosedException};
 * a successor process on the node sees none of the old handle's frames. Also the two publish
 * misuses that used to hang or truncate: re-entrance and a frame kind outside 0..255.
 */
class ClosedHandleTest
{
    private static final int CAPACITY = 256;
    private static final int PAYLOAD = 64;
    private static final RingSpec SPEC = RingSpec.perNode(7, CAPACITY, PAYLOAD);
    private static final RingSpec EXCLUSIVE_SPEC = RingSpec.perNode(8, CAPACITY, PAYLOAD);
    /** The old handle marks its frames with this node id, so any of them in the successor's lane is visible. */
    private static final int OLD_MARK = 99;

    @Test
    void successorOnTheNodeNeverSeesAFrameOfTheClosedHandleThatKeepsPublishing() throws Exception
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final Fleet old = Fleet.joinShmAs(name, 2, 0, dir.path());
            final Ring ring = old.ring(SPEC);
            final ExclusivePublisher exclusive = old.ring(EXCLUSIVE_SPEC).exclusivePublisher();
            final AtomicBoolean stop = new AtomicBoolean();
            final AtomicLong accepted = new AtomicLong();
            final AtomicLong refused = new AtomicLong();
            final Thread hammer = new Thread(() -> hammer(ring, exclusive, stop, accepted, refused), "old-handle-hammer");
            hammer.start();
            awaitCondition(() -> accepted.get() > 1000, ChildJvm.TIMEOUT, "the old handle publishes before close");

            old.close();
            final long acceptedAtClose = accepted.get();
            final int count = 3 * CAPACITY;
            try (ChildJvm successor = ChildJvm.start(dir.path(), SuccessorWriter.class, name, Integer.toString(count)))
            {
                assertEquals(" " + count, successor.awaitPrefix("DONE"));
                assertEquals(0, successor.awaitExit());
            }
            awaitCondition(() -> refused.get() > 1000, ChildJvm.TIMEOUT, "the old handle keeps trying after close");
            stop.set(true);
            hammer.join();
            assertEquals(acceptedAtClose, accepted.get(), "no publish of the closed handle may succeed after close() returned");

            try (Fleet reader = Fleet.joinShmAs(name, 2, 1, dir.path()))
            {
                final Ring lanes = reader.ring(SPEC);
                final long head = lanes.head(0);
                final byte[] scratch = new byte[PAYLOAD];
                final CRC32 crc = new CRC32();
                int torn = 0;
                int corrupt = 0;
                long expected = -1;
                for (long counter = head - CAPACITY; counter < head; counter++)
                {
                    final Frame frame = lanes.readAt(0, counter).orElseThrow(() -> new AssertionError("slot missing"));
                    final UnsafeBuffer payload = new UnsafeBuffer(frame.payload());
                    if (!verifyChecked(payload, frame.payload().length, scratch, crc))
                    {
                        corrupt++;
                        continue;
                    }
                    if (checkedNode(payload) != 0 || expected >= 0 && checkedSequence(payload) != expected)
                    {
                        torn++;
                    }
                    expected = checkedSequence(payload) + 1;
                }
                System.out.println("ClosedHandleTest acceptedBeforeClose=" + acceptedAtClose + " refusedAfter=" + refused.get()
                    + " torn=" + torn + " corrupt=" + corrupt);
                assertEquals(0, torn, "frames of the closed handle (or out of order) in the successor's lane");
                assertEquals(0, corrupt, "corrupt frames in the successor's lane");
                assertEquals(count, expected, "the successor's last frame is the lane's newest");
            }
        }
    }

    @Test
    void everyWriteOfEverySubstrateOnAClosedFleetThrowsFleetClosed() throws Exception
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path());
            final Ring ring = fleet.ring(SPEC);
            final OrbitCache cache = OrbitCache.open(fleet);
            final OrbitEventBus bus = OrbitEventBus.of(fleet);
            final Contest contest = Contest.open(fleet);
            final FleetHeartbeat heartbeat = FleetHeartbeat.of(fleet);
            final Orbital<Long> orbital = Orbital.of(fleet, LONG_CODEC);
            fleet.close();
            final List<Executable> writes = List.of(
                () -> ring.publish(1, 1, new byte[1]),
                () -> ring.publishBatch(1, 1, List.of(new byte[1])),
                ring::exclusivePublisher,
                ring::nextVersion,
                () -> ring.reset(true),
                () -> cache.put("k", "v"),
                () -> cache.delete("k"),
                cache::reset,
                () -> bus.publish("topic", "x"),
                () -> contest.tryClaim(1, "subject", "owner", Duration.ofSeconds(1)),
                heartbeat::beat,
                () -> orbital.store(42L),
                () -> fleet.ring(EXCLUSIVE_SPEC));
            for (final Executable write : writes)
            {
                final FleetClosedException closed = assertThrows(FleetClosedException.class, write);
                assertTrue(closed.getMessage().contains(name) && closed.getMessage().contains("closed"), closed::getMessage);
            }
        }
    }

    @Test
    void reentrantPublishThrowsInsteadOfHanging()
    {
        try (Fleet fleet = Fleet.join(ShmDirectory.uniqueFleetName(), 1))
        {
            final Ring ring = fleet.ring(SPEC);
            final ReentrantPublishException fromEncoder = assertThrows(ReentrantPublishException.class,
                () -> ring.publish(1, 1, 1, (buffer, offset, value) -> ring.publish(1, 1, new byte[1]), "x"));
            assertTrue(fromEncoder.getMessage().contains("KIND 7"), fromEncoder::getMessage);
            try (ExclusivePublisher exclusive = ring.exclusivePublisher())
            {
                assertThrows(ReentrantPublishException.class, () -> ring.publish(1, 1, new byte[1]));
                assertThrows(ReentrantPublishException.class, ring::exclusivePublisher);
                exclusive.publish(1, 2, new UnsafeBuffer(new byte[] {5}), 0, 1);
            }
            ring.publish(1, 3, new byte[] {6});
            assertEquals(6, ring.readHead().orElseThrow().payload()[0], "the lane is usable after the refusals");
        }
    }

    @Test
    void frameKindOutsideAByteIsRefusedNotTruncated()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = Fleet.join(name, 1))
        {
            final Ring ring = fleet.ring(SPEC);
            for (final int kind : new int[] {256, 300, -1, Integer.MIN_VALUE})
            {
                final InvalidArgumentException refused = assertThrows(InvalidArgumentException.class,
                    () -> ring.publish(kind, 1, new byte[1]));
                assertTrue(refused.getMessage().contains("0..255") && refused.getMessage().contains(name)
                    && refused.getMessage().contains("KIND 7"), refused::getMessage);
            }
            assertEquals(0, ring.head(0), "nothing was published");
            ring.publish(255, 1, new byte[1]);
            assertEquals(255, ring.readHead().orElseThrow().frameKind());
        }
    }

    private static void hammer(
        final Ring ring, final ExclusivePublisher exclusive, final AtomicBoolean stop, final AtomicLong accepted, final AtomicLong refused)
    {
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD]);
        final CRC32 crc = new CRC32();
        long sequence = 0;
        while (!stop.get())
        {
            final int length = checkedLength(sequence, PAYLOAD);
            writeChecked(payload, OLD_MARK, sequence++, length, crc);
            try
            {
                ring.publish(1, sequence, payload, 0, length);
                accepted.incrementAndGet();
            }
            catch (final FleetClosedException ex)
            {
                refused.incrementAndGet();
            }
            try
            {
                exclusive.publish(1, sequence, payload, 0, length);
            }
            catch (final FleetClosedException ex)
            {
                refused.incrementAndGet();
            }
        }
    }

    private static final OrbitCodec<Long> LONG_CODEC = new OrbitCodec<>(Long.class, RingSpec.perNode(9, 16, Long.BYTES),
        new RecordLayout(1, 0L, Long.BYTES, "value:long:0:8@1"), value -> { },
        (buffer, offset, value) -> buffer.putLong(offset, value), (buffer, offset, length) -> buffer.getLong(offset));

    /**
     * Successor child: {@code fleet count}. Joins node 0 (freed by the closed handle) and publishes
     * {@code count} self-checking frames, sequence 0.., then prints {@code DONE count}.
     */
    public static final class SuccessorWriter
    {
        public static void main(final String[] args)
        {
            final int count = Integer.parseInt(args[1]);
            try (Fleet fleet = Fleet.joinShmAs(args[0], 2, 0))
            {
                final Ring ring = fleet.ring(SPEC);
                final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD]);
                final CRC32 crc = new CRC32();
                for (long sequence = 0; sequence < count; sequence++)
                {
                    final int length = checkedLength(sequence, PAYLOAD);
                    writeChecked(payload, 0, sequence, length, crc);
                    ring.publish(1, sequence, payload, 0, length);
                }
            }
            System.out.println("DONE " + count);
        }
    }
}
