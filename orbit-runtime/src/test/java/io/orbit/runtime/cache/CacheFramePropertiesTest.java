package io.orbit.runtime.cache;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jqwik properties of the cache frame decoder: arbitrary bytes never make it throw, it accepts
 * exactly what the independent {@link BackwardWalk} decoder accepts, and what it reads stays
 * inside the bytes it was given.
 */
class CacheFramePropertiesTest
{
    @Property(tries = 2000)
    void arbitraryBytesDecodeAsTheReferenceOrNotAtAll(
        @ForAll @Size(max = 300) final byte[] payload,
        @ForAll @IntRange(min = 0, max = 255) final int frameKind,
        @ForAll @IntRange(min = 0, max = 3) final int pad)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[payload.length + 2 * pad]);
        buffer.putBytes(pad, payload);
        final CacheFrame decoder = new CacheFrame();
        final boolean valid = decoder.wrap(buffer, pad, payload.length, frameKind);
        final BackwardWalk.Decoded expected = BackwardWalk.decode(payload, frameKind);
        assertEquals(expected != null, valid);
        if (valid)
        {
            assertTrue(decoder.keyOffset() >= pad && decoder.keyOffset() + decoder.keyLength() <= pad + payload.length);
            assertTrue(decoder.valueOffset() >= pad && decoder.valueOffset() + decoder.valueLength() <= pad + payload.length);
            final byte[] key = new byte[decoder.keyLength()];
            decoder.buffer().getBytes(decoder.keyOffset(), key);
            assertArrayEquals(expected.key(), key);
            assertEquals(expected.op(), decoder.op());
        }
    }
}
