package io.orbit.runtime.heartbeat;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.AtomicBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The slot decoder fed random bytes: every snapshot returns, without any exception, one well-defined
 * entry per node whose state follows the documented rules from the slot's stamp and the node's lease;
 * an odd stamp (a beat that never finished) never hangs the reader. A real beat afterwards repairs
 * the writer's own slot whatever garbage it held.
 */
class HeartbeatSlotFuzzTest
{
    private static final int SIZE = 4;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void randomSlotBytesGiveWellDefinedStates(final FleetBacking backing)
    {
        final int cases = backing == FleetBacking.LOCAL ? 5_000 : 1_000;
        final Random random = new Random(6_5L);
        final ManualClock clock = new ManualClock(random.nextLong(), 0);
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet node0 = backing.join(dir, name, SIZE, 0); Fleet node2 = backing.join(dir, name, SIZE, 2))
        {
            final FleetHeartbeat heartbeat = FleetHeartbeat.builder(node0).clock(clock).open();
            final FleetHeartbeat writer = FleetHeartbeat.builder(node2).clock(clock).open();
            final AtomicBuffer memory = HeartbeatTestHooks.memory(node0);
            final byte[] slot = new byte[HeartbeatTableLayout.SLOT_SIZE];
            for (int i = 0; i < cases; i++)
            {
                for (int node = 0; node < SIZE; node++)
                {
                    random.nextBytes(slot);
                    switch (random.nextInt(5))
                    {
                        case 0 -> slot[0] = 0; // even stamps are the interesting, consistent ones
                        case 1 -> java.util.Arrays.fill(slot, 0, 8, (byte)0); // stamp 0: never beaten, garbage fields
                        default ->
                        {
                            // fully random, stamp odd half of the time
                        }
                    }
                    memory.putBytes(HeartbeatTableLayout.slotOffset(node), slot);
                }
                final Duration maxAge = Duration.ofNanos(random.nextLong() & Long.MAX_VALUE);
                final HeartbeatSnapshot snapshot = heartbeat.snapshot(maxAge);
                assertEquals(SIZE, snapshot.nodes().size());
                for (int node = 0; node < SIZE; node++)
                {
                    final NodeHeartbeat entry = snapshot.node(node);
                    final long stamp = memory.getLong(HeartbeatTableLayout.slotOffset(node));
                    assertEquals(node, entry.node());
                    assertNotNull(entry.state());
                    assertFalse(entry.age().isNegative());
                    assertEquals(node == 0 || node == 2, entry.leaseHeld());
                    assertEquals((stamp & 1) == 0, entry.consistent(), "only odd stamps read inconsistent");
                    if (stamp == 0)
                    {
                        assertEquals(NodeState.MISSING, entry.state());
                        assertEquals(0, entry.beats());
                    }
                    else if (!entry.leaseHeld())
                    {
                        assertEquals(NodeState.DEAD, entry.state());
                    }
                    else
                    {
                        assertEquals(entry.age().compareTo(maxAge) <= 0 ? NodeState.LIVE : NodeState.STALE, entry.state());
                    }
                }
                final long beats = writer.beat(); // the owner's next beat repairs any garbage in its slot
                final NodeHeartbeat repaired = heartbeat.read(2, Duration.ofNanos(1));
                assertTrue(repaired.consistent());
                assertEquals(beats, repaired.beats());
                assertEquals(NodeState.LIVE, repaired.state());
                assertEquals(ProcessHandle.current().pid(), repaired.pid());
            }
        }
    }
}
