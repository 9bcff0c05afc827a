package io.orbit.runtime.fleet;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.event.OrbitEventCursor;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fleet's one configuration: defaults read from the system properties when the context is made,
 * settings carried into the fleet and, for the clock, into every substrate opened on it.
 */
class FleetContextTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void tearDown()
    {
        System.clearProperty(OrbitProperties.PENDING_BOUND_PROPERTY);
        dir.close();
    }

    @Test
    void defaultsAreReadFromSystemPropertiesWhenTheContextIsMade()
    {
        System.setProperty(OrbitProperties.PENDING_BOUND_PROPERTY, "250");
        final FleetContext context = Fleet.builder(ShmDirectory.uniqueFleetName(), 2);
        System.clearProperty(OrbitProperties.PENDING_BOUND_PROPERTY);
        try (Fleet configured = context.join(); Fleet plain = Fleet.joinAs(ShmDirectory.uniqueFleetName(), 2, 0))
        {
            assertEquals(Duration.ofMillis(250), configured.pendingBound(), "read when the context was made");
            assertEquals(Duration.ofMillis(OrbitProperties.DEFAULT_PENDING_BOUND_MS), plain.pendingBound());
        }
    }

    @Test
    void joinShmUsesTheContextNodeDirectoryAndPendingBound()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = Fleet.builder(name, 3).node(2).directory(dir.path()).pendingBound(Duration.ofMillis(40)).joinShm())
        {
            assertEquals(2, fleet.node());
            assertEquals(Duration.ofMillis(40), fleet.pendingBound());
            final Ring ring = fleet.ring(RingSpec.shared(9, 8, 16));
            assertTrue(Files.exists(dir.resolve(SegmentNames.segment(name, 9))), ring.location());
        }
    }

    @Test
    void substratesUseTheFleetClockUnlessTheirBuilderNamesAnother()
    {
        final ManualClock fleetClock = new ManualClock(0, 1_111_000);
        final ManualClock busClock = new ManualClock(0, 2_222_000);
        try (Fleet fleet = Fleet.builder(ShmDirectory.uniqueFleetName(), 1).clock(fleetClock).join())
        {
            final OrbitEventBus bus = OrbitEventBus.open(fleet);
            final OrbitEventCursor cursor = bus.cursorFromStart();
            bus.publish("t", "fleet clock");
            assertEquals(1_111_000, bus.poll(cursor).events().get(0).timestampMs());
            final OrbitEventBus other = OrbitEventBus.builder(fleet).clock(busClock).open();
            other.publish("t", "own clock");
            assertEquals(2_222_000, bus.poll(cursor).events().get(0).timestampMs());
        }
    }

    @Test
    void aNonPositivePendingBoundIsRefusedNamingTheFleet()
    {
        final FleetContext context = Fleet.builder("ctx_fleet", 1);
        final InvalidArgumentException ex = assertThrows(InvalidArgumentException.class, () -> context.pendingBound(Duration.ZERO));
        assertTrue(ex.getMessage().contains("ctx_fleet") && ex.getMessage().contains("pending bound"), ex.getMessage());
    }
}
