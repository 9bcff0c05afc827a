package io.orbit.runtime.heartbeat;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import static io.orbit.runtime.ring.CrossProcessSupport.fields;
import static io.orbit.runtime.ring.CrossProcessSupport.say;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Heartbeats of real child JVMs, read by the parent with the real monotonic clock (CLOCK_MONOTONIC is
 * shared by all processes of the host) and short ages:
 * <ul>
 *   <li>{@code kill -9} of a beating node: its lease is freed by the kernel and it reads DEAD; a new
 *       process that takes the node over reads LIVE again, as incarnation 2 with its own pid;</li>
 *   <li>{@code kill -STOP}: the lease stays held but the beats age, so the node reads STALE;
 *       {@code kill -CONT}: it beats again and reads LIVE;</li>
 *   <li>a node nobody ever beat reads MISSING throughout.</li>
 * </ul>
 * Every transition is an awaited condition on the table, never a fixed sleep.
 */
class CrossProcessHeartbeatTest
{
    private static final int SIZE = 4;
    private static final Duration MAX_AGE = Duration.ofMillis(200);
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void killedNodeReadsDeadStoppedNodeReadsStaleThenLiveAndAbsentNodeReadsMissing()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create();
            Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path());
            ChildJvm victim = ChildJvm.start(dir.path(), Beater.class, name, "1");
            ChildJvm sleeper = ChildJvm.start(dir.path(), Beater.class, name, "2"))
        {
            final FleetHeartbeat heartbeat = FleetHeartbeat.open(fleet);
            heartbeat.beat();
            final Map<String, String> victimInfo = fields(victim.awaitPrefix("BEATING "));
            final Map<String, String> sleeperInfo = fields(sleeper.awaitPrefix("BEATING "));
            awaitState(heartbeat, 1, NodeState.LIVE);
            awaitState(heartbeat, 2, NodeState.LIVE);
            final NodeHeartbeat live = heartbeat.read(1, MAX_AGE);
            assertEquals(victim.pid(), live.pid());
            assertEquals(Long.parseLong(victimInfo.get("start")), live.startTimeMs());
            assertEquals(ProcessHandle.of(victim.pid()).orElseThrow().info().startInstant().orElseThrow().toEpochMilli(),
                live.startTimeMs(), "the start time the parent sees for that pid");
            assertEquals(1, live.incarnation());
            assertEquals(NodeState.MISSING, heartbeat.read(3, MAX_AGE).state(), "node 3 never beat");

            // kill -9: the kernel frees the lease; the last beat stays in the slot.
            victim.kill9();
            final NodeHeartbeat dead = awaitState(heartbeat, 1, NodeState.DEAD);
            assertFalse(dead.leaseHeld());
            assertTrue(dead.beats() >= 1);
            assertEquals(victim.pid(), dead.pid());

            // SIGSTOP: alive (lease held) but not beating.
            signal("STOP", sleeper.pid());
            final NodeHeartbeat stale = awaitState(heartbeat, 2, NodeState.STALE);
            assertTrue(stale.leaseHeld());
            assertTrue(stale.age().compareTo(MAX_AGE) > 0);
            assertEquals(sleeper.pid(), stale.pid());
            assertEquals(Long.parseLong(sleeperInfo.get("start")), stale.startTimeMs());
            final long beatsWhileStopped = stale.beats();
            signal("CONT", sleeper.pid());
            final NodeHeartbeat resumed = awaitState(heartbeat, 2, NodeState.LIVE);
            assertTrue(resumed.beats() > beatsWhileStopped);

            // Node 1 taken over by a new process: a new incarnation, LIVE again.
            try (ChildJvm successor = ChildJvm.start(dir.path(), Beater.class, name, "1"))
            {
                successor.awaitPrefix("BEATING ");
                final NodeHeartbeat reborn = awaitState(heartbeat, 1, NodeState.LIVE);
                assertEquals(successor.pid(), reborn.pid());
                assertEquals(2, reborn.incarnation());
                assertTrue(reborn.beats() > dead.beats(), "the beat count of the slot carries on");
            }

            final HeartbeatSnapshot last = heartbeat.snapshot(Duration.ofMinutes(1));
            assertEquals(NodeState.LIVE, last.node(0).state(), "the parent's own beat");
            assertEquals(NodeState.MISSING, last.node(3).state());
            assertFalse(last.node(3).leaseHeld());
        }
    }

    private static NodeHeartbeat awaitState(final FleetHeartbeat heartbeat, final int node, final NodeState state)
    {
        final Predicate<NodeHeartbeat> reached = entry -> entry.state() == state;
        final long deadline = System.nanoTime() + BOUND.toNanos();
        NodeHeartbeat entry = heartbeat.read(node, MAX_AGE);
        while (!reached.test(entry))
        {
            if (System.nanoTime() - deadline > 0)
            {
                fail("node " + node + " did not become " + state + " within " + BOUND + "; last read " + entry);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // re-check the condition, not a timed wait for it
            entry = heartbeat.read(node, MAX_AGE);
        }
        return entry;
    }

    private static void signal(final String signal, final long pid)
    {
        try
        {
            final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Child JVM: {@code fleet node}. Beats every 10 ms until killed. */
    public static final class Beater
    {
        public static void main(final String[] args)
        {
            try (Fleet fleet = Fleet.joinShmAs(args[0], SIZE, Integer.parseInt(args[1])))
            {
                final FleetHeartbeat heartbeat = FleetHeartbeat.open(fleet);
                heartbeat.beat();
                say("BEATING pid=" + ProcessHandle.current().pid() + " start="
                    + ProcessHandle.current().info().startInstant().map(instant -> instant.toEpochMilli()).orElse(0L));
                while (true)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // beat cadence
                    heartbeat.beat();
                }
            }
        }
    }
}
