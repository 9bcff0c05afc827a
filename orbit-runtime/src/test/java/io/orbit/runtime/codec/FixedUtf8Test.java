package io.orbit.runtime.codec;

import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.exceptions.InvalidValueException;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fixed-length UTF-8 field: exact bytes per code point class, zero padding, exact fit without a
 * terminator, refusals with the component named, and no allocation on the write path.
 */
class FixedUtf8Test
{
    private static final String MIXED = "a\u00e9\u20ac\ud83d\ude00"; // 1 + 2 + 3 + 4 bytes

    @Test
    void writesTheBytesOfGetBytesThenZeros()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        Arrays.fill(buffer.byteArray(), (byte)0x55);
        FixedUtf8.put(buffer, 2, MIXED, 12);

        final byte[] expected = new byte[16];
        Arrays.fill(expected, (byte)0x55);
        final byte[] utf8 = MIXED.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, expected, 2, utf8.length);
        Arrays.fill(expected, 2 + utf8.length, 14, (byte)0);
        assertArrayEquals(expected, buffer.byteArray(), "bytes 0-1 and 14-15 are outside the field and untouched");
        assertEquals(10, FixedUtf8.encodedLength(MIXED));
        assertEquals(MIXED, FixedUtf8.get(buffer, 2, 12));
    }

    @Test
    void aLoneSurrogateIsOneQuestionMarkLikeGetBytes()
    {
        final String lone = "x\ud800y\udc00";
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
        FixedUtf8.put(buffer, 0, lone, 8);
        assertEquals(4, FixedUtf8.encodedLength(lone));
        assertArrayEquals(lone.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(buffer.byteArray(), 4));
        assertEquals("x?y?", FixedUtf8.get(buffer, 0, 8));
    }

    @Test
    void aStringFillingTheFieldExactlyIsReadWithoutReadingPastIt()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
        buffer.putByte(6, (byte)'Z'); // the next field's first byte
        FixedUtf8.put(buffer, 0, "\u20acab\u00e9".substring(0, 3), 5); // 3 + 1 + 1 bytes
        assertEquals("\u20acab", FixedUtf8.get(buffer, 0, 5));
        FixedUtf8.put(buffer, 0, "abcdef", 6);
        assertEquals("abcdef", FixedUtf8.get(buffer, 0, 6));
        assertEquals("", FixedUtf8.get(new UnsafeBuffer(new byte[4]), 0, 4));
    }

    @Test
    void validateRefusesTooLongStringsNamingTheComponentAndLimit()
    {
        FixedUtf8.validate("\ud83d\ude00", 4, "com.example.Job.name");
        final PayloadTooLargeException tooLong =
            assertThrows(PayloadTooLargeException.class, () -> FixedUtf8.validate("a\ud83d\ude00", 4, "com.example.Job.name"));
        assertEquals("com.example.Job.name takes 5 UTF-8 bytes, more than its @Length(4)", tooLong.getMessage());
    }

    @Test
    void validateRefusesTheNulCharacter()
    {
        final InvalidValueException nul =
            assertThrows(InvalidValueException.class, () -> FixedUtf8.validate("a\u0000b", 16, "com.example.Job.name"));
        assertEquals("com.example.Job.name holds U+0000, which the zero padding cannot represent", nul.getMessage());
    }

    @Test
    void lengthValidationAndWritingAllocateNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        long sink = run(buffer, 20_000); // warm up: class loading, JIT
        threads.getCurrentThreadAllocatedBytes(); // its first call may initialise (and allocate) lazily
        final long before = threads.getCurrentThreadAllocatedBytes();
        sink += run(buffer, 20_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4096, "validate + put allocated " + allocated + " bytes over 20000 iterations");
        assertEquals(2L * 20_000 * FixedUtf8.encodedLength(MIXED), sink);
    }

    private static long run(final UnsafeBuffer buffer, final int iterations)
    {
        long sink = 0;
        for (int i = 0; i < iterations; i++)
        {
            FixedUtf8.validate(MIXED, 32, "com.example.Job.name");
            FixedUtf8.put(buffer, i & 15, MIXED, 32);
            sink += FixedUtf8.encodedLength(MIXED);
        }
        return sink;
    }
}
