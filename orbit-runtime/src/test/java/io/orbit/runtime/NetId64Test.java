package io.orbit.runtime;

import io.orbit.runtime.exceptions.InvalidNetIdException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Port of the {@code netid64} crate tests (docs/orbit-rs.md#netid64) plus malformed text, the big-endian wire
 * form and the modulo-2^40 counter comparison.
 */
class NetId64Test
{
    private static final long COUNTER_40 = 0xFF_FFFF_FFFFL;

    @Test
    void layoutRoundtrip() // netid64: layout_roundtrip
    {
        final long id = NetId64.make(0xAB, 0x1234, 0x12_3456_789AL);

        assertEquals(0xAB1234123456789AL, id, "KIND in bits 63..56, NODE in 55..40, COUNTER in 39..0");
        assertEquals(0xAB, NetId64.kind(id));
        assertEquals(0x1234, NetId64.node(id));
        assertEquals(0x12_3456_789AL, NetId64.counter(id));
    }

    @Test
    void layoutRoundtripAtTheFieldLimits() // netid64: layout_roundtrip (extremes)
    {
        final long all = NetId64.make(255, 65535, COUNTER_40);
        assertEquals(-1L, all);
        assertEquals(255, NetId64.kind(all));
        assertEquals(65535, NetId64.node(all));
        assertEquals(COUNTER_40, NetId64.counter(all));
        assertEquals(0L, NetId64.make(0, 0, 0));
    }

    @Test
    void counterTruncatesTo40Bits() // netid64: counter_truncates_to_40_bits
    {
        final long id = NetId64.make(1, 2, (1L << 40) + 5);
        assertEquals(5, NetId64.counter(id));
        assertEquals(2, NetId64.node(id), "the counter must not bleed into NODE");
        assertEquals(1, NetId64.kind(id), "the counter must not bleed into KIND");

        final long max = NetId64.make(1, 2, -1L);
        assertEquals(COUNTER_40, NetId64.counter(max));
        assertEquals(2, NetId64.node(max));
        assertEquals(1, NetId64.kind(max));
    }

    @Test
    void makeRejectsKindAndNodeOutOfRange()
    {
        assertThrows(InvalidNetIdException.class, () -> NetId64.make(256, 0, 0));
        assertThrows(InvalidNetIdException.class, () -> NetId64.make(-1, 0, 0));
        assertThrows(InvalidNetIdException.class, () -> NetId64.make(0, 65536, 0));
        assertThrows(InvalidNetIdException.class, () -> NetId64.make(0, -1, 0));
    }

    @Test
    void displayAndParseTriple() // netid64: display_and_parse_triple; smoke.rs: orbit_id_display_and_parse_roundtrip
    {
        final long id = NetId64.make(7, 3, 42);
        assertEquals("7:3:42", NetId64.toString(id));
        assertEquals(id, NetId64.parse("7:3:42"));

        for (final long each : new long[] {0L, -1L, NetId64.make(200, 65535, 1), NetId64.make(1, 0, COUNTER_40)})
        {
            assertEquals(each, NetId64.parse(NetId64.toString(each)), NetId64.toDebugString(each));
        }
        assertEquals("255:65535:1099511627775", NetId64.toString(-1L));
    }

    @Test
    void parseTripleTruncatesTheCounterTo40Bits() // netid64: FromStr (counter u64, truncated)
    {
        assertEquals(NetId64.make(1, 2, 0), NetId64.parse("1:2:1099511627776"));
        assertEquals(NetId64.make(1, 2, COUNTER_40), NetId64.parse("1:2:18446744073709551615"));
    }

    @Test
    void parseHexForm() // netid64: parse_hex_form
    {
        final long id = NetId64.make(7, 3, 42);
        assertEquals(id, NetId64.parse("0x070003000000002A"));
        assertEquals(id, NetId64.parse("0X070003000000002a"));
        assertEquals(id, NetId64.parse("0x70003000000002a"));
        assertEquals(1L, NetId64.parse("0x1"));
        assertEquals(-1L, NetId64.parse("0xFFFFFFFFFFFFFFFF"));
    }

    @Test
    void debugFormatCarriesHex() // netid64: debug_format_carries_hex
    {
        assertEquals("NetId64(7:3:42 | 0x070003000000002A)", NetId64.toDebugString(NetId64.make(7, 3, 42)));
        assertEquals("NetId64(0:0:0 | 0x0000000000000000)", NetId64.toDebugString(NetId64.ZERO));
    }

    @Test
    void parseRejectsExtras() // netid64: parse_rejects_extras
    {
        final InvalidNetIdException ex = assertThrows(InvalidNetIdException.class, () -> NetId64.parse("1:2:3:4"));
        assertTrue(ex.getMessage().contains("1:2:3:4"), ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "1:2", "1:2:3:4", "256:0:0", "1:65536:0", "a:b:c", "0x", "0xZZ", "0x1ffffffffffffffff",
        "1:2:", ":2:3", " 1:2:3", "+1:2:3", "1:-2:3", "1:2:18446744073709551616", "0x-1", "0x+1"})
    void malformedTextIsRejected(final String text)
    {
        final InvalidNetIdException ex = assertThrows(InvalidNetIdException.class, () -> NetId64.parse(text));
        assertTrue(ex.getMessage().contains("'" + text + "'"), "message names the input: " + ex.getMessage());
    }

    @Test
    void zeroConstant() // netid64: zero_constant
    {
        assertEquals(0L, NetId64.ZERO);
        assertEquals(0, NetId64.kind(NetId64.ZERO));
        assertEquals(0, NetId64.node(NetId64.ZERO));
        assertEquals(0, NetId64.counter(NetId64.ZERO));
        assertEquals("0:0:0", NetId64.toString(NetId64.ZERO));
        assertEquals(NetId64.ZERO, NetId64.parse("0:0:0"));
    }

    @Test
    void bigEndianBytesRoundTrip() // smoke.rs: orbit_id_be_bytes_roundtrip
    {
        final long id = NetId64.make(0xAB, 0x1234, 0x12_3456_789AL);
        final byte[] wire = NetId64.toBytes(id);

        assertArrayEquals(new byte[] {(byte)0xAB, 0x12, 0x34, 0x12, 0x34, 0x56, 0x78, (byte)0x9A}, wire);
        assertEquals(id, NetId64.fromBytes(wire));
        assertEquals(-1L, NetId64.fromBytes(NetId64.toBytes(-1L)));
        assertEquals(0L, NetId64.fromBytes(new byte[8]));
    }

    @Test
    void wireFormMustBeEightBytes()
    {
        assertThrows(InvalidNetIdException.class, () -> NetId64.fromBytes(new byte[7]));
        final InvalidNetIdException ex = assertThrows(InvalidNetIdException.class, () -> NetId64.fromBytes(new byte[9]));
        assertTrue(ex.getMessage().contains("9"), ex.getMessage());
    }

    @Test
    void countersCompareModulo2To40()
    {
        final long id = NetId64.make(1, 1, 5);
        assertTrue(NetId64.counterMatches(id, 5));
        assertTrue(NetId64.counterMatches(id, (1L << 40) + 5));
        assertFalse(NetId64.counterMatches(id, (1L << 40) + 6));
        assertFalse(NetId64.counterMatches(id, 6));
    }
}
