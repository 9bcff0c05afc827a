package io.orbit.runtime.event;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The event payload decoder fed random, truncated and mutated bytes: it never throws, it accepts
 * exactly what an independent parser of the layout accepts, and through the bus every frame it
 * refuses is counted {@code undecodable} while every well-formed frame is delivered intact.
 */
class EventDecoderFuzzTest
{
    private static final int CASES = 20_000;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    /** Independent reading of the layout (java.nio, not the codec): is this a well-formed event frame? */
    private static boolean wellFormed(final byte[] bytes, final int length, final int frameKind, final long version)
    {
        if (frameKind != 1 || length < 12)
        {
            return false;
        }
        final ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        final int topicLength = Short.toUnsignedInt(buffer.getShort(0));
        final int payloadLength = Short.toUnsignedInt(buffer.getShort(2));
        return 12 + topicLength + payloadLength == length && buffer.getLong(4) == version;
    }

    private static byte[] validFrame(final Random random, final long timestamp)
    {
        final int topicLength = random.nextInt(40);
        final int payloadLength = random.nextInt(OrbitEventBus.MAX_TOPIC_AND_PAYLOAD - topicLength + 1);
        final byte[] body = new byte[topicLength + payloadLength];
        random.nextBytes(body);
        return ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN)
            .putShort((short)topicLength).putShort((short)payloadLength).putLong(timestamp).put(body).array();
    }

    private static boolean decode(final byte[] bytes, final int length, final int frameKind, final long version, final EventView view)
    {
        // A buffer exactly as long as the bytes handed over: reading past them would throw.
        return EventFrameCodec.decode(new UnsafeBuffer(bytes, 0, length), length, frameKind, version,
            NetId64.make(OrbitEventBus.KIND, 3, 7), 3, 7, view);
    }

    @Test
    void randomTruncatedAndMutatedPayloadsNeverThrowAndMatchTheLayout()
    {
        final Random random = new Random(20240611L);
        final EventView view = new EventView();
        int accepted = 0;
        for (int i = 0; i < CASES; i++)
        {
            final long timestamp = random.nextLong();
            final int frameKind = random.nextInt(8) == 0 ? random.nextInt(256) : 1;
            final byte[] input;
            final int length;
            switch (i % 4)
            {
                case 0 ->
                {
                    input = new byte[random.nextInt(OrbitEventBus.PAYLOAD_CAPACITY + 1)];
                    random.nextBytes(input);
                    if (input.length >= 12 && random.nextBoolean())
                    {
                        ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN).putLong(4, timestamp); // reach the length checks
                    }
                    length = input.length;
                }
                case 1 ->
                {
                    input = validFrame(random, timestamp);
                    length = random.nextInt(input.length); // strictly truncated
                }
                case 2 ->
                {
                    input = validFrame(random, timestamp);
                    input[random.nextInt(12)] ^= (byte)(1 + random.nextInt(255)); // damage the header
                    length = input.length;
                }
                default ->
                {
                    input = validFrame(random, timestamp); // random topic bytes: often malformed UTF-8
                    length = input.length;
                }
            }
            final boolean decoded = decode(input, length, frameKind, timestamp, view);
            assertEquals(wellFormed(input, length, frameKind, timestamp), decoded, "case " + i);
            if (decoded)
            {
                accepted++;
                assertEquals(length, 12 + view.topicLength() + view.payloadLength());
                assertEquals(timestamp, view.timestampMs());
                assertEquals(3, view.node());
                view.topic(); // malformed UTF-8 decodes with replacement characters, never throws
                assertEquals(view.payloadLength(), view.payloadBytes().length);
            }
            if (i % 4 == 1)
            {
                assertFalse(decoded, "a truncated frame never decodes");
            }
        }
        assertTrue(accepted >= CASES / 4 * 3 / 4, "well-formed frames of any kind decode: " + accepted);
    }

    @Test
    void aFrameWhoseWriterIsNotItsLaneOrWhoseVersionDiffersIsUndecodable()
    {
        final EventView view = new EventView();
        final byte[] frame = validFrame(new Random(1), 5000);
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        assertTrue(EventFrameCodec.decode(buffer, frame.length, 1, 5000, NetId64.make(220, 2, 0), 2, 0, view));
        assertFalse(EventFrameCodec.decode(buffer, frame.length, 1, 5001, NetId64.make(220, 2, 0), 2, 0, view));
        assertFalse(EventFrameCodec.decode(buffer, frame.length, 1, 5000, NetId64.make(220, 1, 0), 2, 0, view));
        assertFalse(EventFrameCodec.decode(buffer, frame.length, 0, 5000, NetId64.make(220, 2, 0), 2, 0, view));
        assertFalse(EventFrameCodec.decode(buffer, frame.length + 1, 1, 5000, NetId64.make(220, 2, 0), 2, 0, view),
            "a length beyond the buffer is refused, not read");
    }

    /** Raw frames of every shape published into the event ring: the bus counts the bad ones and delivers the rest intact. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void busCountsUndecodableFramesAndDeliversTheRest(final FleetBacking backing)
    {
        final Random random = new Random(7);
        final long now = 1_700_000_000_000L;
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 1))
        {
            final OrbitEventBus bus = OrbitEventBus.builder(fleet).capacity(4096).clock(new ManualClock(0, now)).open();
            final Ring ring = fleet.ring(OrbitEventBus.spec(4096)); // the same ring, written raw
            final OrbitEventCursor listCursor = bus.cursorFromStart();
            final OrbitEventCursor handlerCursor = bus.cursorFromStart();
            final List<byte[]> expectedPayloads = new ArrayList<>();
            long bad = 0;
            for (int i = 0; i < 3000; i++)
            {
                final int shape = random.nextInt(4);
                if (shape == 0)
                {
                    final byte[] payload = new byte[random.nextInt(50)];
                    random.nextBytes(payload);
                    bus.publish("topic" + (i % 5), payload);
                    expectedPayloads.add(payload);
                    continue;
                }
                final byte[] raw;
                final int frameKind;
                final long version;
                if (shape == 1)
                {
                    raw = new byte[random.nextInt(OrbitEventBus.PAYLOAD_CAPACITY + 1)];
                    random.nextBytes(raw);
                    frameKind = random.nextInt(3);
                    version = random.nextLong();
                }
                else
                {
                    final byte[] valid = validFrame(random, now);
                    raw = shape == 2 ? Arrays.copyOf(valid, random.nextInt(valid.length)) : valid;
                    frameKind = shape == 3 && random.nextBoolean() ? 2 : 1;
                    version = shape == 3 && frameKind == 1 ? now + 1 : now; // shape 3: kind or version is wrong
                }
                assertFalse(wellFormed(raw, raw.length, frameKind, version));
                ring.publish(frameKind, version, raw);
                bad++;
            }
            final EventPoll poll = bus.poll(listCursor);
            assertEquals(bad, poll.undecodable());
            assertEquals(expectedPayloads.size(), poll.events().size());
            for (int i = 0; i < expectedPayloads.size(); i++)
            {
                assertArrayEquals(expectedPayloads.get(i), poll.events().get(i).payload());
            }
            assertEquals(0, poll.overwritten());
            assertEquals(3000, poll.movedPast());
            OrbitEventBusTest.assertAccounted(poll);

            final EventPollStats stats = bus.poll(handlerCursor, event -> assertEquals(1, event.node()));
            assertEquals(bad, stats.undecodable());
            assertEquals(expectedPayloads.size(), stats.delivered());
            assertEquals(3000, stats.ringDelivered(1));
            OrbitEventBusTest.assertAccounted(stats, 2);
        }
    }
}
