package io.orbit.runtime.heartbeat;

import io.orbit.runtime.exceptions.LeaseLostException;
import io.orbit.runtime.ManualClock;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.NodeLease;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A bridge writes a remote node's heartbeat into that node's slot; local readers see it as an
 * ordinary node, and DEAD once the bridge frees the node's lease.
 */
class HeartbeatReplicateTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    @Test
    void aReplicatedSlotReadsLiveStaleAndDeadLikeALocalOne()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final ManualClock clock = new ManualClock(TimeUnit.SECONDS.toNanos(10), 0);
        try (Fleet bridge = Fleet.joinShmAs(name, 3, 0, dir.path()); Fleet reader = Fleet.joinShmAs(name, 3, 1, dir.path()))
        {
            final FleetHeartbeat replicas = FleetHeartbeat.builder(bridge).clock(clock).open();
            final FleetHeartbeat local = FleetHeartbeat.builder(reader).clock(clock).open();
            final NodeLease remote = bridge.leaseNode(2);
            replicas.replicate(remote, 17, clock.monotonicNanos() - TimeUnit.MILLISECONDS.toNanos(50), 4242, 1234, 3);
            final NodeHeartbeat node = local.read(2, Duration.ofMillis(100));
            assertEquals(NodeState.LIVE, node.state());
            assertEquals(17, node.beats());
            assertEquals(4242, node.pid());
            assertEquals(1234, node.startTimeMs());
            assertEquals(3, node.incarnation());
            assertEquals(Duration.ofMillis(50), node.age());
            assertTrue(node.consistent());
            clock.advance(100, TimeUnit.MILLISECONDS);
            assertEquals(NodeState.STALE, local.read(2, Duration.ofMillis(100)).state());
            remote.close();
            assertEquals(NodeState.DEAD, local.read(2, Duration.ofMillis(100)).state());
            assertThrows(LeaseLostException.class, () -> replicas.replicate(remote, 18, clock.monotonicNanos(), 4242, 1234, 3));
        }
    }
}
