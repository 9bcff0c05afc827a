package io.orbit.runtime.codec;

import io.orbit.runtime.exceptions.OrbitException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Enum constants by ordinal: every ordinal maps to its constant, any other is refused naming the enum
 * by its source name and its constant count.
 */
class EnumOrdinalsTest
{
    enum Color
    {
        RED, GREEN, BLUE
    }

    @Test
    void everyOrdinalMapsToItsConstant()
    {
        final EnumOrdinals<Color> ordinals = EnumOrdinals.of(Color.class);
        assertEquals(3, ordinals.count());
        for (final Color color : Color.values())
        {
            assertSame(color, ordinals.constant(color.ordinal()));
        }
    }

    @Test
    void anOrdinalOutsideTheEnumIsRefusedNamingTheEnum()
    {
        final EnumOrdinals<Color> ordinals = EnumOrdinals.of(Color.class);
        final OrbitException above = assertThrows(OrbitException.class, () -> ordinals.constant(3));
        assertEquals("ordinal 3 is not a constant of io.orbit.runtime.codec.EnumOrdinalsTest.Color, which has 3 constants",
            above.getMessage());
        assertThrows(OrbitException.class, () -> ordinals.constant(-1));
    }
}
