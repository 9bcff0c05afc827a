package io.orbit.runtime.cache;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The mutation decoder fed random, mutated and truncated bytes: it never throws, accepts exactly
 * what the independent decoder of {@link BackwardWalk} accepts, and reads the same fields. Through
 * the ring, garbage frames are counted {@code undecodable} once each and never disturb a lookup.
 */
class CacheFrameFuzzTest
{
    private static final long SEED = 0xF0_22_CAC4EL;

    @Test
    void randomAndMutatedPayloadsDecodeExactlyAsTheReferenceOrNotAtAll()
    {
        final Random random = new Random(SEED);
        final CacheFrame decoder = new CacheFrame();
        int accepted = 0;
        for (int i = 0; i < 50_000; i++)
        {
            final byte[] payload = i % 2 == 0 ? randomBytes(random) : mutatedFrame(random);
            final int frameKind = payload.length > 0 && random.nextBoolean() ? payload[0] & 0xFF : random.nextInt(6);
            final int pad = random.nextInt(3);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[payload.length + 2 * pad]);
            buffer.putBytes(pad, payload);
            final BackwardWalk.Decoded expected = BackwardWalk.decode(payload, frameKind);
            final boolean valid = decoder.wrap(buffer, pad, payload.length, frameKind);
            assertEquals(expected != null, valid, () -> "case with " + payload.length + " bytes, kind " + frameKind + ": "
                + Arrays.toString(payload));
            if (valid)
            {
                accepted++;
                assertEquals(expected.op(), decoder.op());
                assertEquals(expected.expiresAt(), decoder.expiresAtMs());
                final byte[] key = new byte[decoder.keyLength()];
                decoder.buffer().getBytes(decoder.keyOffset(), key);
                final byte[] value = new byte[decoder.valueLength()];
                decoder.buffer().getBytes(decoder.valueOffset(), value);
                assertArrayEquals(expected.key(), key);
                assertArrayEquals(expected.value(), value);
            }
        }
        assertTrue(accepted > 1_000, "the generator must also produce valid frames, got " + accepted);
    }

    @Test
    void everyTruncationAndExtensionOfAValidFrameIsRejected()
    {
        final Random random = new Random(SEED + 1);
        final CacheFrame decoder = new CacheFrame();
        for (int i = 0; i < 2_000; i++)
        {
            final int op = 1 + random.nextInt(3);
            final byte[] key = bytes(random, random.nextInt(30));
            final byte[] value = op == 1 ? bytes(random, random.nextInt(30)) : new byte[0];
            final byte[] frame = BackwardWalk.encode(op, key, value, op == 1 ? random.nextLong() : 0);
            assertTrue(decoder.wrap(new UnsafeBuffer(frame), 0, frame.length, op));
            for (int length = 0; length < frame.length; length++)
            {
                assertFalse(decoder.wrap(new UnsafeBuffer(Arrays.copyOf(frame, length)), 0, length, op), "truncated to " + length);
            }
            final byte[] longer = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(4));
            assertFalse(decoder.wrap(new UnsafeBuffer(longer), 0, longer.length, op), "extended");
            assertFalse(decoder.wrap(new UnsafeBuffer(frame), 0, frame.length, op % 3 + 1), "frame kind differs from op");
        }
    }

    @Test
    void outOfBoundsArgumentsAreRejectedNotThrown()
    {
        final CacheFrame decoder = new CacheFrame();
        final byte[] frame = BackwardWalk.encode(1, "k".getBytes(StandardCharsets.UTF_8), new byte[3], 0);
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        assertTrue(decoder.wrap(buffer, 0, frame.length, 1));
        assertFalse(decoder.wrap(buffer, 1, frame.length, 1), "length past the buffer");
        assertFalse(decoder.wrap(buffer, -1, frame.length, 1));
        assertFalse(decoder.wrap(buffer, 0, -5, 1));
        assertFalse(decoder.wrap(buffer, Integer.MAX_VALUE, 20, 1));
        assertFalse(decoder.wrap(null, 0, 20, 1));
    }

    /** Garbage on the ring: counted once, ignored by every lookup, never an exception out of get. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void garbageFramesOnTheRingAreCountedUndecodable(final FleetBacking backing)
    {
        final Random random = new Random(SEED + 2);
        final List<String> keys = List.of("a", "b", "c", "d");
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final OrbitCache cache = OrbitCache.builder(fleet).capacity(4096).prefix("g:").open();
            final Ring ring = cache.ring();
            long rejected = 0;
            for (int i = 0; i < 3_000; i++)
            {
                if (random.nextInt(4) == 0)
                {
                    cache.put(keys.get(random.nextInt(keys.size())), Integer.toString(i));
                }
                else
                {
                    final byte[] payload = random.nextBoolean() ? randomBytes(random) : mutatedFrame(random);
                    final byte[] clipped = Arrays.copyOf(payload, Math.min(payload.length, ring.payloadCapacity()));
                    final int kind = random.nextInt(256);
                    ring.publish(kind, random.nextLong(), clipped);
                    rejected += BackwardWalk.decode(clipped, kind) == null ? 1 : 0;
                }
                if (i % 100 == 0)
                {
                    assertMatchesWalk(cache, keys);
                }
            }
            assertMatchesWalk(cache, keys);
            assertEquals(rejected, cache.stats().undecodable());
            assertTrue(rejected > 1_500, "most garbage must be rejected, got " + rejected);
        }
    }

    private static void assertMatchesWalk(final OrbitCache cache, final List<String> keys)
    {
        final long now = Math.floorDiv(cache.clock().monotonicNanos(), 1_000_000L);
        for (final String key : keys)
        {
            assertEquals(BackwardWalk.read(cache.ring(), ("g:" + key).getBytes(StandardCharsets.UTF_8), now), cache.read(key), key);
        }
    }

    private static byte[] randomBytes(final Random random)
    {
        return bytes(random, random.nextInt(random.nextBoolean() ? 16 : 300));
    }

    /** A well-formed frame with one random damage: a byte flipped, a length field changed, cut or grown. */
    private static byte[] mutatedFrame(final Random random)
    {
        final int op = 1 + random.nextInt(3);
        final byte[] key = bytes(random, random.nextInt(20));
        final byte[] value = op == 1 || random.nextInt(8) == 0 ? bytes(random, random.nextInt(20)) : new byte[0];
        final long expires = op == 1 || random.nextInt(8) == 0 ? random.nextLong() : 0;
        byte[] frame = BackwardWalk.encode(op, key, value, expires);
        switch (random.nextInt(6))
        {
            case 0 -> frame[random.nextInt(frame.length)] ^= (byte)(1 + random.nextInt(255));
            case 1 -> frame[1 + random.nextInt(4)] = (byte)random.nextInt(256);
            case 2 -> frame = Arrays.copyOf(frame, random.nextInt(frame.length));
            case 3 -> frame = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(3));
            case 4 -> frame[0] = (byte)random.nextInt(256);
            default ->
            {
                // left intact: a valid frame (the decoder must accept it when the kind matches)
            }
        }
        return frame;
    }

    private static byte[] bytes(final Random random, final int length)
    {
        final byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
