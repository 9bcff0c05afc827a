package io.orbit.runtime.heartbeat;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.NodeOutsideFleetException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.AtomicBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Ports of orbit-rs {@code tests/fleet_heartbeat.rs} and the table's own contract (fixed slot per
 * node, seqlock, states from slot + lease), on process-local and shared-memory fleets. Time is a
 * {@link ManualClock}.
 */
class FleetHeartbeatTest
{
    private static final long MS = 1_000_000L;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    /** fleet_heartbeat.rs {@code heartbeatKeepsLatestSampleForNode}: two beats, one sample, the newest. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void heartbeatKeepsLatestSampleForNode(final FleetBacking backing)
    {
        final ManualClock clock = new ManualClock(100 * MS, 0);
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 1))
        {
            final FleetHeartbeat heartbeat = FleetHeartbeat.builder(fleet).clock(clock).open();
            assertEquals(1, heartbeat.beat());
            clock.advance(150, TimeUnit.MILLISECONDS);
            assertEquals(2, heartbeat.beat());
            clock.advance(10, TimeUnit.MILLISECONDS);

            final HeartbeatSnapshot snapshot = heartbeat.snapshot(Duration.ofSeconds(1));
            assertEquals(2, snapshot.nodes().size());
            final NodeHeartbeat node = snapshot.node(1);
            assertEquals(1, node.node());
            assertEquals(NodeState.LIVE, node.state());
            assertEquals(2, node.beats());
            assertEquals(Duration.ofMillis(10), node.age(), "age of the newest beat (250 ms), not the first (100 ms)");
            assertEquals(ProcessHandle.current().pid(), node.pid());
            assertEquals(ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli(), node.startTimeMs());
            assertEquals(1, node.incarnation());
            assertTrue(node.leaseHeld());
            assertTrue(node.consistent());
        }
    }

    /**
     * fleet_heartbeat.rs {@code heartbeatSnapshotMarksMissingAndStaleNodes}: fleet of 3, node 2 beats at
     * 1000 ms; at 1500 ms with maxAge 750 ms nodes 0 and 1 are missing and node 2 is fresh (age 500 ms); at
     * 2000 ms node 2 is stale. Then node 2 leaves: dead.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void heartbeatSnapshotMarksMissingAndStaleNodes(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final ManualClock clock = new ManualClock(1000 * MS, 0);
        try (Fleet reader = backing.join(dir, name, 3, 0))
        {
            final FleetHeartbeat observer = FleetHeartbeat.builder(reader).clock(clock).open();
            try (Fleet beater = backing.join(dir, name, 3, 2))
            {
                FleetHeartbeat.builder(beater).clock(clock).open().beat();
                clock.advance(500, TimeUnit.MILLISECONDS);
                final HeartbeatSnapshot fresh = observer.snapshot(Duration.ofMillis(750));
                assertEquals(List.of(0, 1), fresh.nodesIn(NodeState.MISSING));
                assertEquals(List.of(), fresh.nodesIn(NodeState.STALE));
                assertEquals(List.of(2), fresh.nodesIn(NodeState.LIVE));
                assertEquals(Duration.ofMillis(500), fresh.node(2).age());
                assertTrue(fresh.node(0).leaseHeld(), "node 0 joined but never beat: still MISSING (docs/spec.md §6.5: never beaten)");
                assertFalse(fresh.node(1).leaseHeld());
                assertEquals(0, fresh.node(0).beats());

                clock.advance(500, TimeUnit.MILLISECONDS);
                final HeartbeatSnapshot later = observer.snapshot(Duration.ofMillis(750));
                assertEquals(List.of(2), later.nodesIn(NodeState.STALE));
                assertEquals(List.of(0, 1), later.nodesIn(NodeState.MISSING));
                assertEquals(Duration.ofMillis(1000), later.node(2).age());
            }
            final HeartbeatSnapshot afterLeave = observer.snapshot(Duration.ofMillis(750));
            assertEquals(List.of(2), afterLeave.nodesIn(NodeState.DEAD), "lease free after having beaten");
            assertEquals(1, afterLeave.node(2).beats(), "a dead node's last beat stays readable");
            assertFalse(afterLeave.node(2).leaseHeld());
        }
    }

    /** fleet_heartbeat.rs {@code orbitEpochAgeIsSaturating}: a beat "in the future" has age 0 and is fresh. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void orbitEpochAgeIsSaturating(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet reader = backing.join(dir, name, 2, 0); Fleet beater = backing.join(dir, name, 2, 1))
        {
            FleetHeartbeat.builder(beater).clock(new ManualClock(5000 * MS, 0)).open().beat();
            final NodeHeartbeat node = FleetHeartbeat.builder(reader).clock(new ManualClock(1000 * MS, 0)).open().read(1, Duration.ofNanos(1));
            assertEquals(Duration.ZERO, node.age());
            assertEquals(NodeState.LIVE, node.state());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void maxAgeIsInclusiveAndMonotonicTimeMayBeNegative(final FleetBacking backing)
    {
        final ManualClock clock = new ManualClock(-10 * MS, 0); // System.nanoTime may be negative; ages use differences
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final FleetHeartbeat heartbeat = FleetHeartbeat.builder(fleet).clock(clock).open();
            heartbeat.beat();
            clock.advance(200, TimeUnit.MILLISECONDS);
            assertEquals(NodeState.LIVE, heartbeat.read(0, Duration.ofMillis(200)).state());
            assertEquals(NodeState.STALE, heartbeat.read(0, Duration.ofMillis(200).minusNanos(1)).state());
            assertEquals(NodeState.LIVE, heartbeat.read(0, Duration.ofSeconds(Long.MAX_VALUE)).state(), "huge maxAge saturates");
            assertThrows(InvalidArgumentException.class, () -> heartbeat.snapshot(Duration.ofMillis(-1)));
            assertThrows(InvalidArgumentException.class, () -> heartbeat.snapshot(Duration.ZERO));
            assertThrows(InvalidArgumentException.class, () -> heartbeat.snapshot(null));
            assertThrows(NodeOutsideFleetException.class, () -> heartbeat.read(1, Duration.ofNanos(1)));
            assertThrows(NodeOutsideFleetException.class, () -> heartbeat.read(-1, Duration.ofNanos(1)));
        }
    }

    /** docs/spec.md §6.5 / docs/orbit-rs.md W21: a chatty node can never push another node's heartbeat out. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aChattyNodeNeverPushesAnotherNodesHeartbeatOut(final FleetBacking backing)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final ManualClock clock = new ManualClock(0, 0);
        try (Fleet quiet = backing.join(dir, name, 3, 2); Fleet chatty = backing.join(dir, name, 3, 1))
        {
            FleetHeartbeat.builder(quiet).clock(clock).open().beat();
            final FleetHeartbeat loud = FleetHeartbeat.builder(chatty).clock(clock).open();
            for (int i = 0; i < 100_000; i++)
            {
                clock.advance(1, TimeUnit.MICROSECONDS);
                loud.beat();
            }
            final HeartbeatSnapshot snapshot = loud.snapshot(Duration.ofSeconds(1));
            assertEquals(100_000, snapshot.node(1).beats());
            assertEquals(Duration.ZERO, snapshot.node(1).age());
            assertEquals(1, snapshot.node(2).beats(), "the quiet node's single beat is still there");
            assertEquals(Duration.ofMillis(100), snapshot.node(2).age());
            assertEquals(NodeState.LIVE, snapshot.node(2).state());
            assertEquals(NodeState.MISSING, snapshot.node(0).state());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void beatsFromManyThreadsAndInstancesAreNeverLost(final FleetBacking backing) throws InterruptedException
    {
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final FleetHeartbeat[] instances = {FleetHeartbeat.open(fleet), FleetHeartbeat.open(fleet)};
            final List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++)
            {
                final FleetHeartbeat heartbeat = instances[t % 2];
                threads.add(new Thread(() ->
                {
                    for (int i = 0; i < 10_000; i++)
                    {
                        heartbeat.beat();
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (final Thread thread : threads)
            {
                thread.join();
            }
            final NodeHeartbeat node = instances[0].read(0, Duration.ofMinutes(1));
            assertEquals(40_000, node.beats(), "two instances of one node share one write lock: no lost update");
            assertEquals(1, node.incarnation(), "one process, one incarnation");
        }
    }

    /**
     * A writer whose clock makes {@code last_beat == beats} (one tick per beat) against a reader snapshotting
     * all the while: every consistent read must show the pair from one beat, never a torn mix.
     */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void readersNeverSeeATornBeat(final FleetBacking backing) throws InterruptedException
    {
        final String name = ShmDirectory.uniqueFleetName();
        final AtomicLong ticks = new AtomicLong();
        final OrbitClock tickPerBeat = new OrbitClock()
        {
            @Override
            public long monotonicNanos()
            {
                return ticks.incrementAndGet();
            }

            @Override
            public long wallMillis()
            {
                return 0;
            }
        };
        try (Fleet writerFleet = backing.join(dir, name, 2, 1); Fleet readerFleet = backing.join(dir, name, 2, 0))
        {
            final FleetHeartbeat writer = FleetHeartbeat.builder(writerFleet).clock(tickPerBeat).open();
            final FleetHeartbeat reader = FleetHeartbeat.builder(readerFleet).clock(new ManualClock(Long.MAX_VALUE / 2, 0)).open();
            writer.beat();
            final AtomicBoolean stop = new AtomicBoolean();
            final Thread beating = new Thread(() ->
            {
                while (!stop.get())
                {
                    writer.beat();
                }
            });
            beating.start();
            long torn = 0;
            long consistent = 0;
            try
            {
                for (int i = 0; i < 1_000_000; i++)
                {
                    final NodeHeartbeat node = reader.read(1, Duration.ofNanos(1));
                    if (node.consistent())
                    {
                        consistent++;
                        final long lastBeat = Long.MAX_VALUE / 2 - node.age().toNanos();
                        torn += lastBeat == node.beats() ? 0 : 1;
                    }
                }
            }
            finally
            {
                stop.set(true);
                beating.join();
            }
            assertEquals(0, torn, "consistent reads that mixed two beats");
            assertTrue(consistent > 0);
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aWriterStoppedMidBeatNeverBlocksReadersAndTheNextBeatRepairsTheSlot(final FleetBacking backing)
    {
        final ManualClock clock = new ManualClock(0, 0);
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 1))
        {
            final FleetHeartbeat heartbeat = FleetHeartbeat.builder(fleet).clock(clock).open();
            heartbeat.beat();
            heartbeat.beat();
            final int stamp = HeartbeatTableLayout.slotOffset(1) + HeartbeatTableLayout.STAMP_OFFSET;
            final AtomicBuffer memory = HeartbeatTestHooks.memory(fleet);
            memory.putLongVolatile(stamp, memory.getLongVolatile(stamp) + 1); // odd: a beat began, never ended

            final NodeHeartbeat stuck = heartbeat.read(1, Duration.ofSeconds(1));
            assertFalse(stuck.consistent());
            assertEquals(NodeState.LIVE, stuck.state(), "lease held, last beat recent");
            assertEquals(2, stuck.beats());

            assertEquals(3, heartbeat.beat());
            final NodeHeartbeat repaired = heartbeat.read(1, Duration.ofSeconds(1));
            assertTrue(repaired.consistent());
            assertEquals(3, repaired.beats());
            assertEquals(0, memory.getLongVolatile(stamp) & 1, "committed stamps are even");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void beatAllocatesNothing(final FleetBacking backing)
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final FleetHeartbeat heartbeat = FleetHeartbeat.open(fleet);
            for (int i = 0; i < 20_000; i++)
            {
                heartbeat.beat();
            }
            threads.getCurrentThreadAllocatedBytes(); // its first call may initialise (and allocate) lazily
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++)
            {
                heartbeat.beat();
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 4096, "100 000 beats allocated " + allocated + " bytes");
        }
    }
}
