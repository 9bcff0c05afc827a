package io.orbit.runtime.ring;

import io.orbit.runtime.exceptions.NotifyDisabledException;
import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.event.OrbitEventCursor;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.orbit.runtime.ring.CrossProcessSupport.fields;
import static io.orbit.runtime.ring.CrossProcessSupport.send;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Blocking waits and wake-ups on the ring's notification word (header offset 36), with the futex on
 * JDK 22+ builds and the parking watch on JDK 17: the same tests run on both (CI runs them on each).
 */
class RingWakeupTest
{
    private static final Duration LONG = Duration.ofSeconds(60);

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    static RingSpec spec(final int kind)
    {
        return RingSpec.perNode(kind, 64, 16).withNotify(Notify.WAITERS);
    }

    private static int word(final Ring ring)
    {
        return RingTestHooks.memory(ring).getIntVolatile(RingLayout.NOTIFICATION_GENERATION_OFFSET);
    }

    private static int waiters(final Ring ring)
    {
        return RingTestHooks.memory(ring).getIntVolatile(RingLayout.WAITERS_OFFSET);
    }

    private ChildJvm subscriber(final Fleet fleet, final int node, final int kind)
    {
        return ChildJvm.start(dir.path(), AwaitingSubscriber.class, fleet.name(), String.valueOf(fleet.size()), String.valueOf(node),
            String.valueOf(kind));
    }

    /** Lets the child wait once and returns once it is blocked (registered when it uses the futex). */
    private static void startWait(final ChildJvm child, final Ring ring)
    {
        send(child, "wait");
        final boolean futex = Boolean.parseBoolean(fields(child.awaitPrefix("WAITING")).get("futex"));
        assertEquals(Futex.SYSTEM != null, futex, "child and parent run the same build and JDK");
        // Both paths register while they sleep; a close or publish after this point moves a word the child already read.
        Await.until("the child is registered as a waiter", () -> waiters(ring) == 1);
    }

    @Test
    void aWaiterInAnotherJvmWakesOnAPublish()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 2, 0, dir.path()))
        {
            final Ring ring = fleet.ring(spec(63));
            try (ChildJvm child = subscriber(fleet, 1, 63))
            {
                startWait(child, ring);
                ring.publish(1, 1, new byte[] {42});
                final Map<String, String> woke = fields(child.awaitPrefix("WOKE"));
                assertEquals("true", woke.get("result"));
                assertEquals("1", woke.get("frames"));

                startWait(child, ring);
                ring.publish(1, 2, new byte[] {43});
                assertEquals("1", fields(child.awaitPrefix("WOKE")).get("frames"), "it sleeps and wakes again");
                Await.until("the waiter unregistered", () -> waiters(ring) == 0);
            }
        }
    }

    @Test
    void closingAHandleWakesWaitersInOtherJvms()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 2, 0, dir.path()))
        {
            final Ring ring = fleet.ring(spec(64));
            try (ChildJvm child = subscriber(fleet, 1, 64))
            {
                startWait(child, ring);
                fleet.close();
                final Map<String, String> woke = fields(child.awaitPrefix("WOKE"));
                assertEquals("true", woke.get("result"), "woken by the close, long before its 60 s timeout");
                assertEquals("0", woke.get("frames"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void closingAHandleWakesItsOwnWaiters(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final Ring ring = fleet.ring(spec(65));
            final RingCursor cursor = ring.cursorAtHead();
            final CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(() -> cursor.await(LONG));
            fleet.close();
            Await.until("the waiter returned", woke::isDone);
            assertTrue(woke.join());
            assertTrue(cursor.poll().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aWaiterInThisJvmWakesOnAPublishFromAnotherHandle(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet subscriberFleet = backing.join(dir, name, 2, 0); Fleet publisherFleet = backing.join(dir, name, 2, 1))
        {
            final RingCursor cursor = subscriberFleet.ring(spec(66)).cursorAtHead();
            final Ring publisher = publisherFleet.ring(spec(66));
            final CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(() -> cursor.await(LONG));
            publisher.publish(1, 1, new byte[] {7});
            Await.until("the waiter returned", woke::isDone);
            assertTrue(woke.join());
            assertEquals(1, cursor.poll().frames().size());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aTimeoutReturnsFalseWithoutFrames(final FleetBacking backing)
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final RingCursor cursor = fleet.ring(spec(67)).cursorAtHead();
            assertFalse(cursor.await(Duration.ofMillis(30)));
            assertTrue(cursor.poll().isEmpty());
            assertEquals(0, waiters(cursor.ring()), "a timed-out waiter unregisters");
        }
    }

    @Test
    void framesAlreadyVisibleReturnAtOnce()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 1, 0, dir.path()))
        {
            final Ring ring = fleet.ring(spec(68));
            final RingCursor cursor = ring.cursorFromStart();
            ring.publish(1, 1, new byte[] {1});
            assertTrue(cursor.await(LONG));
            assertEquals(1, cursor.poll().frames().size());
        }
    }

    @Test
    void awaitOnARingWithoutNotificationsIsRefused()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 1, 0, dir.path()))
        {
            final Ring ring = fleet.ring(RingSpec.perNode(69, 64, 16));
            final NotifyDisabledException refused = assertThrows(NotifyDisabledException.class,
                () -> ring.cursorAtHead().await(Duration.ofMillis(1)));
            assertTrue(refused.getMessage().contains("ring KIND 69 of fleet " + fleet.name()), refused.getMessage());
            assertTrue(refused.getMessage().contains(ring.location()), refused.getMessage());
            assertTrue(refused.getMessage().contains("withNotify(Notify.WAITERS)"), refused.getMessage());
        }
    }

    @Test
    void theWordMovesAsOrbitRsMovesIt()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 1, 0, dir.path()))
        {
            final Ring notifying = fleet.ring(spec(70));
            final Ring shared = fleet.ring(RingSpec.shared(71, 64, 16).withNotify(Notify.ALWAYS));
            final Ring silent = fleet.ring(RingSpec.perNode(72, 64, 16));
            for (int i = 0; i < 3; i++)
            {
                notifying.publish(1, i, new byte[] {1});
                shared.publish(1, i, new byte[] {1});
                silent.publish(1, i, new byte[] {1});
            }
            assertEquals(3, word(notifying), "one increment per publish, after its commit");
            assertEquals(3, word(shared));
            assertEquals(0, word(silent), "rings that do not notify leave the word as orbit-rs's non-notifying writes do");
            assertEquals(0, waiters(notifying));
        }
    }

    @Test
    void eventCursorAndCacheBlockUntilAPublish()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet one = Fleet.joinShmAs(name, 2, 0, dir.path()); Fleet two = Fleet.joinShmAs(name, 2, 1, dir.path()))
        {
            final OrbitEventBus bus = OrbitEventBus.open(one);
            final OrbitEventCursor events = bus.cursorAtHead();
            assertFalse(events.await(Duration.ofMillis(20)));
            final CompletableFuture<Boolean> eventWoke = CompletableFuture.supplyAsync(() -> events.await(LONG));
            OrbitEventBus.open(two).publish("t", "x");
            Await.until("the event waiter returned", eventWoke::isDone);
            assertTrue(eventWoke.join());
            assertEquals(1, bus.poll(events).events().size());

            final OrbitCache cache = OrbitCache.open(one);
            cache.get("k");
            assertFalse(cache.await(Duration.ofMillis(20)));
            final CompletableFuture<Boolean> cacheWoke = CompletableFuture.supplyAsync(() -> cache.await(LONG));
            OrbitCache.open(two).put("k", "v");
            Await.until("the cache waiter returned", cacheWoke::isDone);
            assertTrue(cacheWoke.join());
            assertEquals("v", cache.getString("k").orElseThrow());
        }
    }

    @Test
    void pollLoopIdlesWithTheGivenStrategyUntilStopped()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 1, 0, dir.path()))
        {
            final Ring ring = fleet.ring(spec(73));
            final RingCursor cursor = ring.cursorFromStart();
            final AtomicBoolean running = new AtomicBoolean(true);
            final AtomicLong seen = new AtomicLong();
            final CompletableFuture<Long> loop = CompletableFuture.supplyAsync(() -> cursor.pollLoop(
                frame -> seen.incrementAndGet(), new BackoffIdleStrategy(), running::get));
            for (int i = 0; i < 5; i++)
            {
                ring.publish(1, i, new byte[] {1});
            }
            Await.until("the loop delivered 5 frames", () -> seen.get() == 5);
            running.set(false);
            assertEquals(5L, loop.join());
        }
    }
}
