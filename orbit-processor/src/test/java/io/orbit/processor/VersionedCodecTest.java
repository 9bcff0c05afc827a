package io.orbit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.orbit.processor.support.Compilations.javac;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.orbit.processor.support.GeneratedClasses;
import io.orbit.processor.support.TestRecords;
import io.orbit.runtime.codec.OrbitCodec;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two builds of one record, version 1 and version 3, compiled separately (as two jars of one fleet
 * would be) and loaded by separate class loaders: each reads the other's frames, the newer filling
 * the components an older frame lacks with their defaults, the older reading a newer frame's prefix.
 */
class VersionedCodecTest
{
    private static final String CODEC = "com.example.LoadCodec";
    private static final int BASE = 8;
    private static GeneratedClasses v1;
    private static GeneratedClasses v3;

    @BeforeAll
    static void compile()
    {
        v1 = compiled(1);
        v3 = compiled(3);
    }

    private static GeneratedClasses compiled(final int version)
    {
        final Compilation compilation = javac().compile(TestRecords.point(), TestRecords.load("Load", 16, version));
        assertThat(compilation).succeededWithoutWarnings();
        return new GeneratedClasses(compilation);
    }

    /**
     * @return a buffer of garbage, so a default can never come from zeros already there.
     */
    private static UnsafeBuffer garbage()
    {
        final byte[] bytes = new byte[128];
        Arrays.fill(bytes, (byte)0x5A);
        return new UnsafeBuffer(bytes);
    }

    private static Object mode(final GeneratedClasses classes, final String name)
    {
        return Arrays.stream(classes.type("com.example.Load$Mode").getEnumConstants())
            .filter(constant -> ((Enum<?>)constant).name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyVersionSharesTheBaseFingerprintAndThePayloadCapacity()
    {
        assertEquals(v1.constant(CODEC, "LAYOUT_FINGERPRINT"), v3.constant(CODEC, "LAYOUT_FINGERPRINT"));
        assertEquals(96, v1.intConstant(CODEC, "PAYLOAD_CAPACITY"));
        assertEquals(96, v3.intConstant(CODEC, "PAYLOAD_CAPACITY"));
        assertEquals(1, v1.intConstant(CODEC, "LAYOUT_VERSION"));
        assertEquals(3, v3.intConstant(CODEC, "LAYOUT_VERSION"));
        assertEquals(8, v1.intConstant(CODEC, "ENCODED_LENGTH"));
        assertEquals(56, v3.intConstant(CODEC, "ENCODED_LENGTH"));
        final OrbitCodec<?> codec = (OrbitCodec<?>)v3.constant(CODEC, "CODEC");
        assertEquals(3, codec.layout().version());
        assertEquals(56, codec.encodedLength());
        assertEquals(96, codec.ringSpec().payloadCapacity());
    }

    @Test
    void aNewerCodecGivesTheComponentsAnOlderFrameLacksTheirDefaults()
    {
        final UnsafeBuffer buffer = garbage();
        v1.call(CODEC, "encode", buffer, BASE, v1.newRecord("com.example.Load", 3, 5));
        final int length = v1.intConstant(CODEC, "ENCODED_LENGTH");

        final Object decoded = v3.call(CODEC, "decode", buffer, BASE, length);
        assertEquals(3, GeneratedClasses.callOn(decoded, "busy"));
        assertEquals(5, GeneratedClasses.callOn(decoded, "idle"));
        assertEquals(0L, GeneratedClasses.callOn(decoded, "queued"));
        assertEquals("", GeneratedClasses.callOn(decoded, "host"));
        assertEquals(mode(v3, "NORMAL"), GeneratedClasses.callOn(decoded, "mode"));
        assertArrayEquals(new short[2], (short[])GeneratedClasses.callOn(decoded, "cores"));
        assertEquals(v3.newRecord("com.example.Point", 0, 0L), GeneratedClasses.callOn(decoded, "at"));

        assertFalse((Boolean)v3.call(CODEC, "hasQueued", length));
        assertFalse((Boolean)v3.call(CODEC, "hasAt", length));
        assertEquals(0L, v3.call(CODEC, "queued", buffer, BASE, length));
        assertEquals("", v3.call(CODEC, "host", buffer, BASE, length));
        assertEquals((short)0, v3.call(CODEC, "cores", buffer, BASE, length, 1));
    }

    @Test
    void presenceFollowsTheFrameLengthComponentByComponent()
    {
        // Version 2 frames end after mode (28 + 1, padded to 32): queued, host and mode are there, cores and at are not.
        assertTrue((Boolean)v3.call(CODEC, "hasQueued", 32));
        assertTrue((Boolean)v3.call(CODEC, "hasMode", 32));
        assertFalse((Boolean)v3.call(CODEC, "hasCores", 32));
        assertFalse((Boolean)v3.call(CODEC, "hasAt", 32));
        assertTrue((Boolean)v3.call(CODEC, "hasAt", 56));
    }

    @Test
    void anOlderCodecReadsTheKnownPrefixOfANewerFrame()
    {
        final UnsafeBuffer buffer = garbage();
        final Object value = v3.newRecord("com.example.Load", 7, 1, 99L, "node-7", mode(v3, "DRAINING"),
            new short[] {4, 8}, v3.newRecord("com.example.Point", 2, 3L));
        v3.call(CODEC, "encode", buffer, BASE, value);
        final int length = v3.intConstant(CODEC, "ENCODED_LENGTH");

        assertEquals(v1.newRecord("com.example.Load", 7, 1), v1.call(CODEC, "decode", buffer, BASE, length));
        final Object same = v3.call(CODEC, "decode", buffer, BASE, length);
        assertEquals(99L, GeneratedClasses.callOn(same, "queued"));
        assertEquals("node-7", GeneratedClasses.callOn(same, "host"));
        assertEquals(mode(v3, "DRAINING"), GeneratedClasses.callOn(same, "mode"));
        assertArrayEquals(new short[] {4, 8}, (short[])GeneratedClasses.callOn(same, "cores"));
        assertEquals((short)8, v3.call(CODEC, "cores", buffer, BASE, length, 1));
        assertEquals(v3.newRecord("com.example.Point", 2, 3L), GeneratedClasses.callOn(same, "at"));
    }

    @Test
    void theDefaultValueIsTheAllAbsentValue()
    {
        final Object defaults = v3.call(CODEC, "defaultValue");
        assertEquals(0, GeneratedClasses.callOn(defaults, "busy"));
        assertEquals("", GeneratedClasses.callOn(defaults, "host"));
        assertEquals(v3.newRecord("com.example.Point", 0, 0L), GeneratedClasses.callOn(defaults, "at"));
    }
}
