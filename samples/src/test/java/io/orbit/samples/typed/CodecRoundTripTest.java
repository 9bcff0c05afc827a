package io.orbit.samples.typed;

import io.orbit.runtime.exceptions.InvalidValueException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Generated codecs (compiled by orbit-processor from this module's test sources) round-trip every
 * supported type at its boundaries, and refuse what does not fit without writing anything.
 */
class CodecRoundTripTest
{
    private static final byte SENTINEL = 0x5A;

    private static UnsafeBuffer buffer(final int length)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[length + 16]);
        buffer.setMemory(0, buffer.capacity(), SENTINEL);
        return buffer;
    }

    private static Primitives roundTrip(final Primitives value)
    {
        final UnsafeBuffer buffer = buffer(PrimitivesCodec.ENCODED_LENGTH);
        PrimitivesCodec.encode(buffer, 8, value);
        assertEquals(SENTINEL, buffer.getByte(7), "nothing written before the offset");
        assertEquals(SENTINEL, buffer.getByte(8 + PrimitivesCodec.ENCODED_LENGTH), "nothing written past the layout");
        return PrimitivesCodec.decode(buffer, 8);
    }

    @Test
    void primitivesAtTheirBoundaries()
    {
        final Primitives max = new Primitives(Byte.MAX_VALUE, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
            Float.MAX_VALUE, Double.MAX_VALUE, true, Character.MAX_VALUE);
        final Primitives min = new Primitives(Byte.MIN_VALUE, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE,
            -Float.MAX_VALUE, Double.MIN_VALUE, false, Character.MIN_VALUE);
        assertEquals(max, roundTrip(max));
        assertEquals(min, roundTrip(min));
    }

    @Test
    void floatingPointSpecialsKeepTheirBits()
    {
        final Primitives specials = new Primitives((byte)0, (short)0, 0, 0, Float.NaN, -0.0, false, '\u00e9');
        final Primitives back = roundTrip(specials);
        assertTrue(Float.isNaN(back.f()));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.d()), "negative zero");
        final Primitives infinities = new Primitives((byte)0, (short)0, 0, 0, Float.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, true, '\u65e5');
        assertEquals(infinities, roundTrip(infinities));
    }

    @Test
    void fieldReadersReadWithoutDecoding()
    {
        final UnsafeBuffer buffer = buffer(PrimitivesCodec.ENCODED_LENGTH);
        PrimitivesCodec.encode(buffer, 0, new Primitives((byte)-3, (short)-300, -70_000, 1L << 40, 1.5f, -2.25, true, 'x'));
        assertEquals(-3, PrimitivesCodec.b(buffer, 0));
        assertEquals(-300, PrimitivesCodec.s(buffer, 0));
        assertEquals(-70_000, PrimitivesCodec.i(buffer, 0));
        assertEquals(1L << 40, PrimitivesCodec.l(buffer, 0));
        assertEquals(1.5f, PrimitivesCodec.f(buffer, 0));
        assertEquals(-2.25, PrimitivesCodec.d(buffer, 0));
        assertTrue(PrimitivesCodec.z(buffer, 0));
        assertEquals('x', PrimitivesCodec.c(buffer, 0));
        assertEquals(1, buffer.getByte(PrimitivesCodec.Z_OFFSET), "boolean is one byte 0/1");
    }

    private static Blocks blocks(final String name, final int[] values)
    {
        return new Blocks(name, values, new double[] {Double.NaN, -0.0}, Level.HIGH,
            new Primitives((byte)1, (short)2, 3, 4, 5, 6, true, 'c'));
    }

    private static Blocks roundTrip(final Blocks value)
    {
        final UnsafeBuffer buffer = buffer(BlocksCodec.ENCODED_LENGTH);
        BlocksCodec.encode(buffer, 0, value);
        assertEquals(SENTINEL, buffer.getByte(BlocksCodec.ENCODED_LENGTH), "nothing written past the layout");
        return BlocksCodec.decode(buffer, 0);
    }

    private static void assertBlocksEqual(final Blocks expected, final Blocks actual)
    {
        assertEquals(expected.name(), actual.name());
        assertArrayEquals(expected.values(), actual.values());
        assertEquals(Arrays.stream(expected.ratios()).mapToObj(Double::doubleToRawLongBits).toList(),
            Arrays.stream(actual.ratios()).mapToObj(Double::doubleToRawLongBits).toList());
        assertEquals(expected.level(), actual.level());
        assertEquals(expected.inner(), actual.inner());
    }

    @Test
    void stringsEmptyFullAndMultiByte()
    {
        for (final String name : new String[] {"", "abcdefgh", "h\u00e9llo", "\u65e5\u672c", "\uD83D\uDE80ok"})
        {
            final Blocks value = blocks(name, new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE});
            assertBlocksEqual(value, roundTrip(value));
        }
    }

    @Test
    void overLengthStringThrowsAndWritesNothing()
    {
        final UnsafeBuffer buffer = buffer(BlocksCodec.ENCODED_LENGTH);
        final byte[] before = buffer.byteArray().clone();
        final PayloadTooLargeException error = assertThrows(PayloadTooLargeException.class,
            () -> BlocksCodec.encode(buffer, 0, blocks("\u00e9\u00e9\u00e9\u00e9\u00e9", new int[4])));
        assertTrue(error.getMessage().contains("name"), error.getMessage());
        assertArrayEquals(before, buffer.byteArray(), "an over-length value writes nothing");
        assertThrows(PayloadTooLargeException.class, () -> BlocksCodec.encode(buffer, 0, blocks("ninechars", new int[4])));
        assertArrayEquals(before, buffer.byteArray());
    }

    @Test
    void wrongArrayLengthNullsAndNulCharactersAreRefused()
    {
        final UnsafeBuffer buffer = buffer(BlocksCodec.ENCODED_LENGTH);
        final byte[] before = buffer.byteArray().clone();
        assertThrows(PayloadTooLargeException.class, () -> BlocksCodec.encode(buffer, 0, blocks("a", new int[5])));
        assertThrows(PayloadTooLargeException.class, () -> BlocksCodec.encode(buffer, 0, blocks("a", new int[3])));
        assertThrows(InvalidValueException.class, () -> BlocksCodec.encode(buffer, 0, blocks(null, new int[4])));
        assertThrows(InvalidValueException.class, () -> BlocksCodec.encode(buffer, 0, blocks("a", null)));
        assertThrows(InvalidValueException.class, () -> BlocksCodec.encode(buffer, 0, blocks("a\u0000b", new int[4])));
        assertThrows(InvalidValueException.class, () -> BlocksCodec.encode(buffer, 0,
            new Blocks("a", new int[4], new double[2], null, new Primitives((byte)0, (short)0, 0, 0, 0, 0, false, 'a'))));
        assertThrows(InvalidValueException.class, () -> BlocksCodec.encode(buffer, 0,
            new Blocks("a", new int[4], new double[2], Level.LOW, null)));
        assertArrayEquals(before, buffer.byteArray(), "refused values write nothing");
    }

    @Test
    void enumIsItsOrdinalAndStringIsZeroPadded()
    {
        final UnsafeBuffer buffer = buffer(BlocksCodec.ENCODED_LENGTH);
        BlocksCodec.encode(buffer, 0, blocks("ab", new int[4]));
        assertEquals(Level.HIGH.ordinal(), buffer.getByte(BlocksCodec.LEVEL_OFFSET));
        assertEquals(Level.HIGH, BlocksCodec.level(buffer, 0));
        assertEquals('a', buffer.getByte(BlocksCodec.NAME_OFFSET));
        for (int i = 2; i < 8; i++)
        {
            assertEquals(0, buffer.getByte(BlocksCodec.NAME_OFFSET + i), "zero padding");
        }
    }
}
