package io.orbit.runtime.ring;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class RingBasicsTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private Fleet fleet(final boolean shm, final int size, final int node)
    {
        final String name = ShmDirectory.uniqueFleetName();
        return shm ? Fleet.joinShmAs(name, size, node, dir.path()) : Fleet.joinAs(name, size, node);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void publishReadAndPollBothTopologies(final boolean shm)
    {
        for (final Topology topology : Topology.values())
        {
            try (Fleet fleet = fleet(shm, 2, 1))
            {
                final Ring ring = fleet.ring(new RingSpec(7, 4, 16, topology, 0));
                final RingCursor cursor = ring.cursorFromStart();
                final long a = ring.publish(3, 42, "hello".getBytes(StandardCharsets.UTF_8));
                final long b = ring.publish(3, 43, "world".getBytes(StandardCharsets.UTF_8));
                assertEquals("7:1:0", io.orbit.runtime.NetId64.toString(a));
                assertEquals("7:1:1", io.orbit.runtime.NetId64.toString(b));
                assertEquals("hello", ring.read(a).orElseThrow().payloadAsString());
                assertEquals("world", ring.readHead().orElseThrow().payloadAsString());
                final RingPoll poll = cursor.poll();
                assertEquals(2, poll.frames().size());
                assertEquals(0, poll.lost());
                assertTrue(cursor.poll().isEmpty());
            }
        }
    }
}
