package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.InvalidRingSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Ring spec validation (docs/orbit-rs.md#ring-layout-version-3 {@code checked_layout}) and slot stride rounding.
 */
class RingSpecTest
{
    @ParameterizedTest
    @ValueSource(ints = {0, 3, -1, 6, 1000, Integer.MIN_VALUE})
    void capacityMustBeAPositivePowerOfTwo(final int capacity)
    {
        for (final Topology topology : Topology.values())
        {
            final InvalidRingSpecException ex =
                assertThrows(InvalidRingSpecException.class, () -> new RingSpec(7, capacity, 16, topology, 0));
            assertTrue(ex.getMessage().contains("KIND 7"), ex.getMessage());
            assertTrue(ex.getMessage().contains("power of two"), ex.getMessage());
            assertTrue(ex.getMessage().contains("was " + capacity), ex.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 1024, 1 << 20})
    void powerOfTwoCapacitiesAreAccepted(final int capacity)
    {
        assertEquals(capacity, RingSpec.perNode(7, capacity, 16).capacity());
    }

    @Test
    void kindPayloadAndTopologyAreChecked()
    {
        assertThrows(InvalidRingSpecException.class, () -> RingSpec.perNode(-1, 4, 16));
        final InvalidRingSpecException kind = assertThrows(InvalidRingSpecException.class, () -> RingSpec.perNode(256, 4, 16));
        assertTrue(kind.getMessage().contains("256"), kind.getMessage());

        final InvalidRingSpecException payload = assertThrows(InvalidRingSpecException.class, () -> RingSpec.shared(7, 4, -1));
        assertTrue(payload.getMessage().contains("KIND 7") && payload.getMessage().contains("-1"), payload.getMessage());
        assertThrows(InvalidRingSpecException.class, () -> RingSpec.shared(7, 4, RingLayout.MAX_PAYLOAD_CAPACITY + 1));

        final InvalidRingSpecException topology = assertThrows(InvalidRingSpecException.class, () -> new RingSpec(7, 4, 16, null, 0));
        assertTrue(topology.getMessage().contains("topology"), topology.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0,64", "8,64", "16,64", "32,64", "33,128", "256,320", "512,576", "1024,1088", "4096,4160"})
    void slotStrideIsHeaderPlusPayloadRoundedUpTo64(final int payloadCapacity, final int stride) // docs/orbit-rs.md#ring-layout-version-3 examples
    {
        assertEquals(stride, RingSpec.shared(7, 4, payloadCapacity).slotStride());
    }

    @Test
    void segmentLengthFollowsTheLayoutFormula()
    {
        assertEquals(384, RingSpec.shared(7, 4, 16).segmentLength(5), "SHARED has one lane whatever the fleet size");
        assertEquals(1408, RingSpec.shared(7, 4, 256).segmentLength(1));
        assertEquals(1024, RingSpec.perNode(7, 4, 16).segmentLength(3));
    }
}
