package io.orbit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.orbit.processor.support.Compilations.javac;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.orbit.processor.support.GeneratedClasses;
import io.orbit.processor.support.TestRecords;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.exceptions.InvalidValueException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.ring.Topology;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated code at run time: the records and codecs of the golden-file compilation are loaded
 * and driven against real Agrona buffers and a process-local fleet.
 */
class GeneratedCodecTest
{
    private static final String RICH = "com.example.Rich";
    private static final String CODEC = "com.example.RichCodec";
    private static final int BASE = 8;
    private static final byte FILL = 0x5A;
    private static GeneratedClasses classes;
    private static int length;

    @BeforeAll
    static void compile()
    {
        final Compilation compilation = javac().compile(TestRecords.workerLoad(), TestRecords.point(), TestRecords.rich());
        assertThat(compilation).succeededWithoutWarnings();
        classes = new GeneratedClasses(compilation);
        length = classes.intConstant(CODEC, "ENCODED_LENGTH");
    }

    private static Object color(final String name)
    {
        final Class<?> type = classes.type("com.example.Rich$Color");
        return Arrays.stream(type.getEnumConstants()).filter(c -> ((Enum<?>)c).name().equals(name)).findFirst().orElseThrow();
    }

    private static Object rich(final String name, final int[] scores)
    {
        return classes.newRecord(RICH, true, (byte)-7, 'é', (short)-300, 0x01020304, -5L, 1.5f, -2.25,
            color("BLUE"), classes.newRecord("com.example.Point", 42, 1L << 40), name, scores);
    }

    private static UnsafeBuffer filledBuffer()
    {
        final byte[] bytes = new byte[length + 2 * BASE];
        Arrays.fill(bytes, FILL);
        return new UnsafeBuffer(bytes);
    }

    private static int offset(final String field)
    {
        return classes.intConstant(CODEC, field + "_OFFSET");
    }

    @Test
    void encodeThenDecodeGivesTheValueBack()
    {
        final UnsafeBuffer buffer = filledBuffer();
        final Object value = rich("héllo €😀", new int[] {1, -2, 3, Integer.MIN_VALUE});
        classes.call(CODEC, "encode", buffer, BASE, value);
        final Object decoded = classes.call(CODEC, "decode", buffer, BASE);
        for (final String component : new String[] {"flag", "b", "c", "s", "i", "l", "f", "d", "color", "pos", "name"})
        {
            assertEquals(GeneratedClasses.callOn(value, component), GeneratedClasses.callOn(decoded, component), component);
        }
        assertArrayEquals((int[])GeneratedClasses.callOn(value, "scores"), (int[])GeneratedClasses.callOn(decoded, "scores"));
    }

    @Test
    void fieldsAreLittleEndianAtTheirOffsetsAndPaddingIsZero()
    {
        final UnsafeBuffer buffer = filledBuffer();
        classes.call(CODEC, "encode", buffer, BASE, rich("abc", new int[] {1, 2, 3, 4}));
        final byte[] bytes = buffer.byteArray();
        final int i = BASE + offset("I");
        assertArrayEquals(new byte[] {4, 3, 2, 1}, Arrays.copyOfRange(bytes, i, i + 4));
        assertEquals(1, bytes[BASE + offset("FLAG")]);
        assertEquals(2, bytes[BASE + offset("COLOR")], "BLUE is ordinal 2, one unsigned byte");
        assertEquals(1L << 40, buffer.getLong(BASE + offset("POS") + 8, ByteOrder.LITTLE_ENDIAN), "Point.y");
        // Padding: 6..8, 12..16, 28..32, 41..48, and Point's own 4..8 inside pos (48..64).
        for (final int[] gap : new int[][] {{6, 8}, {12, 16}, {28, 32}, {41, 48}, {52, 56}})
        {
            for (int p = gap[0]; p < gap[1]; p++)
            {
                assertEquals(0, bytes[BASE + p], "padding byte " + p);
            }
        }
        // The string is zero padded to its 16 bytes.
        final int name = BASE + offset("NAME");
        assertArrayEquals(new byte[] {'a', 'b', 'c', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(bytes, name, name + 16));
        // Nothing outside the value's bytes is touched.
        for (int p = 0; p < BASE; p++)
        {
            assertEquals(FILL, bytes[p]);
            assertEquals(FILL, bytes[BASE + length + p]);
        }
    }

    @Test
    void stringsAreUtf8LikeStringGetBytesAndMayFillTheirLength()
    {
        for (final String text : new String[] {"", "a", "héllo €😀", "0123456789abcdef", "a\uD800b", "\uDC00", "€€€€€"})
        {
            final UnsafeBuffer buffer = filledBuffer();
            classes.call(CODEC, "encode", buffer, BASE, rich(text, new int[4]));
            final byte[] expected = Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), 16);
            final int name = BASE + offset("NAME");
            assertArrayEquals(expected, Arrays.copyOfRange(buffer.byteArray(), name, name + 16), text);
            assertEquals(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                classes.call(CODEC, "name", buffer, BASE), text);
        }
    }

    @Test
    void anOverLengthStringThrowsAndWritesNothing()
    {
        final UnsafeBuffer buffer = filledBuffer();
        final byte[] before = buffer.byteArray().clone();
        final PayloadTooLargeException tooLong = assertThrows(PayloadTooLargeException.class,
            () -> classes.call(CODEC, "encode", buffer, BASE, rich("€€€€€€", new int[4])));
        assertEquals("com.example.Rich.name takes 18 UTF-8 bytes, more than its @Length(16)", tooLong.getMessage());
        assertThrows(PayloadTooLargeException.class, () -> classes.call(CODEC, "encode", buffer, BASE, rich("0123456789abcdefg", new int[4])));
        assertArrayEquals(before, buffer.byteArray());
    }

    @Test
    void invalidValuesAreRefusedBeforeWriting()
    {
        final UnsafeBuffer buffer = filledBuffer();
        final byte[] before = buffer.byteArray().clone();
        assertEquals("com.example.Rich.name holds U+0000, which the zero padding cannot represent",
            assertThrows(InvalidValueException.class, () -> classes.call(CODEC, "encode", buffer, BASE, rich("a\0b", new int[4]))).getMessage());
        assertEquals("com.example.Rich.scores has 3 elements, but its @Length is 4",
            assertThrows(PayloadTooLargeException.class, () -> classes.call(CODEC, "encode", buffer, BASE, rich("a", new int[3]))).getMessage());
        assertThrows(PayloadTooLargeException.class, () -> classes.call(CODEC, "encode", buffer, BASE, rich("a", new int[5])));
        final Object nullName = classes.newRecord(RICH, true, (byte)0, 'c', (short)0, 0, 0L, 0f, 0d, color("RED"),
            classes.newRecord("com.example.Point", 1, 2L), null, new int[4]);
        assertEquals("com.example.Rich.name is null",
            assertThrows(InvalidValueException.class, () -> classes.call(CODEC, "encode", buffer, BASE, nullName)).getMessage());
        final Object nullColor = classes.newRecord(RICH, true, (byte)0, 'c', (short)0, 0, 0L, 0f, 0d, null,
            classes.newRecord("com.example.Point", 1, 2L), "x", new int[4]);
        assertEquals("com.example.Rich.color is null",
            assertThrows(InvalidValueException.class, () -> classes.call(CODEC, "validate", nullColor)).getMessage());
        final Object nullPoint = classes.newRecord(RICH, true, (byte)0, 'c', (short)0, 0, 0L, 0f, 0d, color("RED"),
            null, "x", new int[4]);
        assertEquals("com.example.Rich.pos is null",
            assertThrows(InvalidValueException.class, () -> classes.call(CODEC, "validate", nullPoint)).getMessage());
        assertArrayEquals(before, buffer.byteArray());
    }

    @Test
    void readersReadSingleFields()
    {
        final UnsafeBuffer buffer = filledBuffer();
        classes.call(CODEC, "encode", buffer, BASE, rich("abc", new int[] {10, 20, 30, 40}));
        assertEquals(0x01020304, classes.call(CODEC, "i", buffer, BASE));
        assertEquals('é', classes.call(CODEC, "c", buffer, BASE));
        assertEquals(-2.25, classes.call(CODEC, "d", buffer, BASE));
        assertEquals(color("BLUE"), classes.call(CODEC, "color", buffer, BASE));
        assertEquals(30, classes.call(CODEC, "scores", buffer, BASE, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> classes.call(CODEC, "scores", buffer, BASE, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> classes.call(CODEC, "scores", buffer, BASE, -1));
    }

    @Test
    void aCorruptEnumOrdinalIsAClearError()
    {
        final UnsafeBuffer buffer = filledBuffer();
        classes.call(CODEC, "encode", buffer, BASE, rich("abc", new int[4]));
        buffer.putByte(BASE + offset("COLOR"), (byte)7);
        final OrbitException error = assertThrows(OrbitException.class, () -> classes.call(CODEC, "decode", buffer, BASE));
        assertEquals("ordinal 7 is not a constant of com.example.Rich.Color, which has 3 constants", error.getMessage());
    }

    @Test
    void theRuntimeCodecCarriesTheRingSpec()
    {
        final OrbitCodec<?> codec = (OrbitCodec<?>)classes.constant(CODEC, "CODEC");
        final long fingerprint = (Long)classes.constant(CODEC, "LAYOUT_FINGERPRINT");
        assertEquals(classes.type(RICH), codec.type());
        assertEquals(new RingSpec(14, 256, length, Topology.SHARED, fingerprint), codec.ringSpec());
        assertEquals(length, codec.encodedLength());
        assertEquals(96, length);
        // Rich's 96 bytes fill roundUp(32 + 96, 64) - 32 = 96; WorkerLoad's 8 bytes get the 32 its slot has anyway.
        final OrbitCodec<?> workerLoad = (OrbitCodec<?>)classes.constant("com.example.WorkerLoadCodec", "CODEC");
        assertEquals(8, workerLoad.encodedLength());
        assertEquals(32, workerLoad.ringSpec().payloadCapacity());
        assertEquals(1, workerLoad.layout().version());
        assertEquals(List.of("busy:int:0:4@1", "idle:int:4:4@1"), workerLoad.layout().components());
    }

    @Test
    void theOrbitalStoresAndLoadsThroughAFleet()
    {
        try (Fleet fleet = Fleet.join("orbit_processor_test", 2))
        {
            final Object orbital = classes.call("com.example.WorkerLoadOrbital", "of", fleet);
            final Object value = classes.newRecord("com.example.WorkerLoad", 3, 4);
            final long id = (Long)GeneratedClasses.callOn(orbital, "store", value);
            assertEquals(Optional.of(value), GeneratedClasses.callOn(orbital, "load"));
            assertEquals(Optional.of(value), GeneratedClasses.callOn(orbital, "load", 0));
            assertEquals(Optional.empty(), GeneratedClasses.callOn(orbital, "load", 1));
            assertEquals(Optional.of(value), GeneratedClasses.callOn(orbital, "loadById", id));
            assertEquals(Map.of(0, value), GeneratedClasses.callOn(orbital, "loadAll"));
            final FrameView view = (FrameView)GeneratedClasses.callOn(orbital, "newView");
            assertTrue((Boolean)GeneratedClasses.callOn(orbital, "loadView", view));
            assertEquals(4, classes.call("com.example.WorkerLoadCodec", "idle", view.payload(), 0));

            final Object rich = classes.call("com.example.RichOrbital", "of", fleet);
            final Object richValue = rich("fleet", new int[] {1, 2, 3, 4});
            GeneratedClasses.callOn(rich, "store", richValue);
            final Object loaded = ((Optional<?>)GeneratedClasses.callOn(rich, "load")).orElseThrow();
            assertEquals(GeneratedClasses.callOn(richValue, "pos"), GeneratedClasses.callOn(loaded, "pos"));
            assertEquals("fleet", GeneratedClasses.callOn(loaded, "name"));
        }
    }
}
