package io.orbit.micrometer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.contest.Contest;
import io.orbit.runtime.contest.ContestResult;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The binder against a real shared-memory fleet: another JVM publishes 20 frames into an 8-slot lane
 * and dies; this JVM's cursor loses 12 to overwriting, and the registry shows it.
 */
class OrbitFleetMetricsTest
{
    static final RingSpec SPEC = RingSpec.perNode(30, 8, 16);

    @Test
    void aScrapeShowsPublishingLossHeartbeatsContestAndCache()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory shm = ShmDirectory.create();
             Fleet fleet = Fleet.joinShmAs(name, 2, 0, shm.path()))
        {
            final Ring ring = fleet.ring(SPEC);
            final RingCursor cursor = ring.cursorFromStart();
            final FleetHeartbeat heartbeat = FleetHeartbeat.open(fleet);
            final Contest contest = Contest.open(fleet);
            final OrbitCache cache = OrbitCache.open(fleet);
            final SimpleMeterRegistry registry = new SimpleMeterRegistry();
            OrbitFleetMetrics.of(fleet).ring(ring).cursor("audit", cursor).heartbeat(heartbeat, Duration.ofMinutes(1))
                .contest(contest).cache(cache).bindTo(registry);

            try (ChildJvm child = ChildJvm.start(shm.path(), Publisher.class, name, "20"))
            {
                child.awaitPrefix("DONE");
                assertEquals(0, child.awaitExit());
            }
            cursor.poll(frame -> { });
            heartbeat.beat();
            assertInstanceOf(ContestResult.Claimed.class, contest.tryClaim(1, "job-1", "me", Duration.ofMinutes(1)));
            assertInstanceOf(ContestResult.YieldTo.class, contest.tryClaim(1, "job-1", "me", Duration.ofMinutes(1)));
            cache.put("alice", "1");
            cache.put("bob", "2");

            assertEquals(20.0, registry.get("orbit.ring.frames.published").tags("fleet", name, "kind", "30").functionCounter().count());
            assertEquals(8.0, registry.get("orbit.cursor.frames").tags("cursor", "audit", "class", "delivered").functionCounter().count());
            assertEquals(12.0, registry.get("orbit.cursor.frames").tags("cursor", "audit", "class", "overwritten").functionCounter().count());
            assertEquals(0.0, registry.get("orbit.cursor.frames").tags("cursor", "audit", "class", "corrupt").functionCounter().count());
            assertEquals(1.0, registry.get("orbit.heartbeat.nodes").tags("state", "LIVE").gauge().value());
            assertEquals(1.0, registry.get("orbit.heartbeat.nodes").tags("state", "DEAD").gauge().value());
            assertEquals(0.0, registry.get("orbit.heartbeat.nodes").tags("state", "MISSING").gauge().value());
            assertEquals(1.0, registry.get("orbit.contest.claims").tags("result", "claimed").functionCounter().count());
            assertEquals(1.0, registry.get("orbit.contest.claims").tags("result", "yielded").functionCounter().count());
            assertEquals(1.0, registry.get("orbit.contest.fence.token").gauge().value());
            assertEquals(2.0, registry.get("orbit.cache.entries").gauge().value());
        }
    }
}
