package io.orbit.runtime.heartbeat;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.testing.ShmDirectory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.agrona.concurrent.AtomicBuffer;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * jqwik property of the heartbeat slot reader: whatever bytes are in a node's slot, a snapshot
 * never throws and reports a state, a non-negative age and a consistency that follows the stamp.
 */
class HeartbeatSlotPropertiesTest
{
    private static final int SIZE = 4;
    private static ShmDirectory dir;
    private static Fleet fleet;
    private static FleetHeartbeat heartbeat;
    private static AtomicBuffer memory;

    @BeforeContainer
    static void open()
    {
        dir = ShmDirectory.create();
        fleet = FleetBacking.LOCAL.join(dir, ShmDirectory.uniqueFleetName(), SIZE, 0);
        heartbeat = FleetHeartbeat.builder(fleet).clock(new ManualClock(1_000_000_000L, 1_000)).open();
        memory = HeartbeatTestHooks.memory(fleet);
    }

    @AfterContainer
    static void close()
    {
        fleet.close();
        dir.close();
    }

    @Property(tries = 2000)
    void arbitrarySlotBytesGiveAWellDefinedState(
        @ForAll @Size(value = HeartbeatTableLayout.SLOT_SIZE) final byte[] slot,
        @ForAll @IntRange(min = 0, max = SIZE - 1) final int node,
        @ForAll @LongRange(min = 1) final long maxAgeNanos)
    {
        final int offset = HeartbeatTableLayout.slotOffset(node);
        memory.putBytes(offset, slot);
        final long stamp = memory.getLong(offset);
        final NodeHeartbeat entry = heartbeat.snapshot(Duration.ofNanos(maxAgeNanos)).node(node);
        assertEquals(node, entry.node());
        assertNotNull(entry.state());
        assertFalse(entry.age().isNegative());
        assertEquals((stamp & 1) == 0, entry.consistent(), "only odd stamps read inconsistent");
        memory.setMemory(offset, HeartbeatTableLayout.SLOT_SIZE, (byte)0);
    }
}
