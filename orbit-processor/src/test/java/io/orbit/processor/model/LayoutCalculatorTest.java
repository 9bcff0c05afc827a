package io.orbit.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The C layout rules and the fingerprint, on the model alone (no javac): offsets and sizes are
 * computed by hand in each test.
 */
class LayoutCalculatorTest
{
    private static final JavaName NAME = JavaName.of("com.example", "T");

    @Test
    void eachFieldIsAlignedToItsOwnSizeAndTheTotalToTheLargest()
    {
        // byte at 0; long aligned to 8; short at 16; total 18 rounded up to 8 -> 24.
        assertLayout(layOut(prim("a", Primitive.BYTE), prim("b", Primitive.LONG), prim("c", Primitive.SHORT)),
            24, 8, 0, 8, 16);
        // boolean 0; char aligned to 2; int aligned to 4; byte at 8; total 9 rounded to 4 -> 12.
        assertLayout(layOut(prim("a", Primitive.BOOLEAN), prim("b", Primitive.CHAR), prim("c", Primitive.INT),
            prim("d", Primitive.BYTE)), 12, 4, 0, 2, 4, 8);
        // double 0; 3-byte string (align 1) at 8; byte at 11; total 12 rounded to 8 -> 16.
        assertLayout(layOut(prim("a", Primitive.DOUBLE), field("b", new StringLayout(3)), prim("c", Primitive.BYTE)),
            16, 8, 0, 8, 11);
        // float 0, short 4, double 8: no padding needed but at the end.
        assertLayout(layOut(prim("a", Primitive.FLOAT), prim("b", Primitive.SHORT), prim("c", Primitive.DOUBLE)),
            16, 8, 0, 4, 8);
    }

    @Test
    void arraysAlignLikeOneElement()
    {
        // char 0; long[3] aligned to 8 -> 8..32; boolean 32; total 33 -> 40.
        assertLayout(layOut(prim("a", Primitive.CHAR), field("b", new ArrayLayout(Primitive.LONG, 3)),
            prim("c", Primitive.BOOLEAN)), 40, 8, 0, 8, 32);
        // byte 0; short[3] at 2..8; byte 8 -> 9 -> 10.
        assertLayout(layOut(prim("a", Primitive.BYTE), field("b", new ArrayLayout(Primitive.SHORT, 3)),
            prim("c", Primitive.BYTE)), 10, 2, 0, 2, 8);
    }

    @Test
    void nestedRecordsAreInlineWithTheirLargestAlignment()
    {
        // Inner(short x, int y): x 0, y 4, size 8, alignment 4.
        final OrbitType inner = layOut(prim("x", Primitive.SHORT), prim("y", Primitive.INT));
        assertLayout(inner, 8, 4, 0, 4);
        // Outer(byte a, Inner in, byte z): a 0, in aligned to 4 -> 4..12, z 12, total 13 -> 16.
        assertLayout(layOut(prim("a", Primitive.BYTE), field("in", new RecordLayout(inner)), prim("z", Primitive.BYTE)),
            16, 4, 0, 4, 12);
    }

    @Test
    void enumsUseTheSmallestUnsignedWidth()
    {
        assertEquals(1, enumOf(1).width());
        assertEquals(1, enumOf(256).width());
        assertEquals(2, enumOf(257).width());
        assertEquals(2, enumOf(65_536).width());
        assertEquals(4, enumOf(65_537).width());
        // byte 0; u16 enum at 2; byte 4; total 5 -> 6.
        assertLayout(layOut(prim("a", Primitive.BYTE), field("e", enumOf(300)), prim("c", Primitive.BYTE)), 6, 2, 0, 2, 4);
    }

    @Test
    void anEmptyRecordHasNoBytes()
    {
        assertLayout(layOut(), 0, 1);
    }

    @Test
    void sizesAreMeasuredInLongSoOversizeLayoutsCanBeRejected()
    {
        final OrbitType huge = layOut(prim("a", Primitive.BYTE), field("b", new ArrayLayout(Primitive.LONG, Integer.MAX_VALUE)));
        assertEquals(8L + 8L * Integer.MAX_VALUE, huge.encodedLength());
    }

    @Test
    void fingerprintIsFnv1aOverTheDocumentedText()
    {
        // Published FNV-1a 64 test vectors.
        assertEquals(0xcbf29ce484222325L, Fingerprint.fnv1a64(""));
        assertEquals(0xaf63dc4c8601ec8cL, Fingerprint.fnv1a64("a"));
        assertEquals(0x85944171f73967e8L, Fingerprint.fnv1a64("foobar"));

        final OrbitType workerLoad = layOut(prim("busy", Primitive.INT), prim("idle", Primitive.INT));
        assertEquals("int:0:4;int:4:4;", workerLoad.fingerprintInput());
        assertEquals(Fingerprint.fnv1a64("int:0:4;int:4:4;"), workerLoad.fingerprint());
    }

    @Test
    void fingerprintListsVersionOneSignaturesWithoutNames()
    {
        final OrbitType point = layOut(prim("x", Primitive.INT), field("shade", new EnumLayout(JavaName.of("p", "Shade"), List.of("DARK", "LIGHT"))));
        final OrbitType outer = layOut(
            prim("flag", Primitive.BOOLEAN),
            field("pos", new RecordLayout(point)),
            field("name", new StringLayout(4)),
            field("v", new ArrayLayout(Primitive.SHORT, 2)),
            field("color", new EnumLayout(JavaName.of("p", "Color"), List.of("RED", "GREEN"))),
            new LayoutCalculator.Component("later", new PrimitiveLayout(Primitive.LONG), 2));
        assertEquals("boolean:0:1;record{int,enum8{DARK,LIGHT}}:4:8;utf8[4]:12:4;short[2]:16:4;enum8{RED,GREEN}:20:1;",
            outer.fingerprintInput());
        assertEquals("later:long:24:8@2", outer.fields().get(5).descriptor());
        assertEquals("flag:boolean:0:1@1", outer.fields().get(0).descriptor());
    }

    @Test
    void fingerprintChangesWithOrderTypesAndConstantsButNotWithNamesOrLaterVersions()
    {
        final long base = layOut(prim("a", Primitive.INT), prim("b", Primitive.INT)).fingerprint();
        assertEquals(base, layOut(prim("x", Primitive.INT), prim("y", Primitive.INT)).fingerprint());
        assertEquals(base, layOut(prim("a", Primitive.INT), prim("b", Primitive.INT),
            new LayoutCalculator.Component("c", new PrimitiveLayout(Primitive.LONG), 2)).fingerprint());
        assertNotEqual(base, layOut(prim("a", Primitive.INT), prim("b", Primitive.FLOAT)).fingerprint());
        assertNotEqual(base, layOut(prim("a", Primitive.INT), prim("b", Primitive.INT), prim("c", Primitive.INT)).fingerprint());
        final long colors = layOut(field("e", new EnumLayout(JavaName.of("p", "E"), List.of("A", "B")))).fingerprint();
        assertNotEqual(colors, layOut(field("e", new EnumLayout(JavaName.of("p", "E"), List.of("A", "C")))).fingerprint());
        assertEquals(colors, layOut(field("e", new EnumLayout(JavaName.of("q", "Renamed"), List.of("A", "B")))).fingerprint());
    }

    @Test
    void versionOneFixesTheDefaultPayloadCapacity()
    {
        // WorkerLoad: 8 bytes -> roundUp(32 + 8, 64) - 32 = 32, whatever later versions add.
        final OrbitType v1 = layOut(prim("busy", Primitive.INT), prim("idle", Primitive.INT));
        final OrbitType v2 = layOut(prim("busy", Primitive.INT), prim("idle", Primitive.INT),
            new LayoutCalculator.Component("queued", new PrimitiveLayout(Primitive.LONG), 2));
        assertEquals(1, v1.layoutVersion());
        assertEquals(2, v2.layoutVersion());
        assertEquals(8, v2.versionOneLength());
        assertEquals(16, v2.encodedLength());
        assertEquals(32, v1.payloadCapacity());
        assertEquals(32, v2.payloadCapacity());
        // 33 bytes of version 1 (padded to 40 by a long) -> roundUp(72, 64) - 32 = 96.
        assertEquals(96, layOut(prim("l", Primitive.LONG), field("s", new StringLayout(25))).payloadCapacity());
        assertEquals(200, LayoutCalculator.layOut(NAME, 1, 1024, Topology.PER_NODE, 200, List.of(prim("a", Primitive.INT))).payloadCapacity());
    }

    private static void assertNotEqual(final long a, final long b)
    {
        if (a == b)
        {
            throw new AssertionError("expected different fingerprints, both " + Long.toHexString(a));
        }
    }

    private static EnumLayout enumOf(final int constants)
    {
        return new EnumLayout(JavaName.of("p", "E"), IntStream.range(0, constants).mapToObj(i -> "C" + i).toList());
    }

    private static LayoutCalculator.Component prim(final String name, final Primitive primitive)
    {
        return field(name, new PrimitiveLayout(primitive));
    }

    private static LayoutCalculator.Component field(final String name, final FieldLayout layout)
    {
        return new LayoutCalculator.Component(name, layout);
    }

    private static OrbitType layOut(final LayoutCalculator.Component... components)
    {
        return LayoutCalculator.layOut(NAME, 1, 1024, Topology.PER_NODE, Arrays.asList(components));
    }

    private static void assertLayout(final OrbitType type, final long size, final int alignment, final long... offsets)
    {
        final List<Long> actual = new ArrayList<>();
        type.fields().forEach(field -> actual.add(field.offset()));
        assertEquals(Arrays.stream(offsets).boxed().toList(), actual, "offsets");
        assertEquals(size, type.encodedLength(), "size");
        assertEquals(alignment, type.alignment(), "alignment");
    }
}
