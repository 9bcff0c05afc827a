package io.orbit.cli;

import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.contest.Contest;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A fleet member for the CLI tests: joins {@code args[0]} (size 3) as node {@code args[1]}, stores 10
 * {@link Load} records, publishes 3 events, claims a contest subject, puts a cache entry, then beats
 * until killed.
 */
public final class FleetChild
{
    private FleetChild()
    {
    }

    /**
     * @param args fleet name, node.
     */
    public static void main(final String[] args)
    {
        final Fleet fleet = Fleet.joinShmAs(args[0], 3, Integer.parseInt(args[1]));
        final LoadOrbital loads = LoadOrbital.of(fleet);
        for (int i = 0; i < 10; i++)
        {
            loads.store(new Load(i, 100 - i));
        }
        final OrbitEventBus bus = OrbitEventBus.open(fleet);
        for (int i = 0; i < 3; i++)
        {
            bus.publish("orders.created", "order-" + i);
        }
        Contest.open(fleet).tryClaim(7, "job-1", "worker-" + args[1], Duration.ofMinutes(10));
        OrbitCache.open(fleet).put("alice", "token-1");
        final FleetHeartbeat heartbeat = FleetHeartbeat.open(fleet);
        heartbeat.beat();
        System.out.println("READY " + ProcessHandle.current().pid());
        while (true)
        {
            heartbeat.beat();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
