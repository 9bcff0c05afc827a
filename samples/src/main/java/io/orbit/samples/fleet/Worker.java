package io.orbit.samples.fleet;

import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.contest.Contest;
import io.orbit.runtime.contest.ContestResult;
import io.orbit.runtime.contest.Guard;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker process of the fleet demo: beats its heartbeat, publishes its load, reads the
 * settings from the cache, claims jobs one at a time through the contest, reports progress on the
 * event bus, and marks a job done in the cache with the fence token of the lease it did it under.
 */
final class Worker
{
    static final String TOPIC = "jobs";
    static final String SETTINGS_JOBS = "settings/jobs";
    static final String SETTINGS_STEPS = "settings/steps";
    static final String SETTINGS_STEP_MS = "settings/step-ms";
    static final String STOP = "settings/stop";
    static final Duration LEASE = Duration.ofSeconds(3);

    private final int node;
    private final OrbitCache cache;
    private final Contest contest;
    private final OrbitEventBus events;
    private final FleetHeartbeat heartbeat;
    private final WorkerLoadOrbital load;

    private Worker(final Fleet fleet)
    {
        this.node = fleet.node();
        this.cache = OrbitCache.open(fleet);
        this.contest = Contest.open(fleet);
        this.events = OrbitEventBus.open(fleet);
        this.heartbeat = FleetHeartbeat.open(fleet);
        this.load = WorkerLoadOrbital.of(fleet);
    }

    static void run(final String fleetName, final int size, final int node)
    {
        try (Fleet fleet = Fleet.joinShmAs(fleetName, size, node))
        {
            new Worker(fleet).work();
        }
    }

    private void work()
    {
        heartbeat.beat();
        load.store(new WorkerLoad(0, 1));
        final int jobs = Integer.parseInt(awaitSetting(SETTINGS_JOBS));
        final int steps = Integer.parseInt(awaitSetting(SETTINGS_STEPS));
        final long stepNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(awaitSetting(SETTINGS_STEP_MS)));
        while (cache.get(STOP).isEmpty())
        {
            boolean claimedAny = false;
            for (int job = 1; job <= jobs && cache.get(STOP).isEmpty(); job++)
            {
                heartbeat.beat();
                if (cache.get(doneKey(job)).isPresent())
                {
                    continue;
                }
                final ContestResult result = contest.tryClaim(Jobs.KIND, Jobs.label(job), "worker-" + node, LEASE);
                if (result instanceof ContestResult.Claimed claimed)
                {
                    claimedAny = true;
                    try (Guard guard = claimed.guard())
                    {
                        doJob(job, steps, stepNanos, guard);
                    }
                    load.store(new WorkerLoad(0, 1));
                }
            }
            if (!claimedAny)
            {
                heartbeat.beat();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private void doJob(final int job, final int steps, final long stepNanos, final Guard guard)
    {
        if (cache.get(doneKey(job)).isPresent())
        {
            return; // finished by someone else between our check and our claim
        }
        final long token = guard.fenceToken();
        load.store(new WorkerLoad(1, 0));
        events.publish(TOPIC, "start job=" + job + " node=" + node + " token=" + token);
        for (int step = 1; step <= steps; step++)
        {
            LockSupport.parkNanos(stepNanos);
            heartbeat.beat();
            guard.renew(LEASE); // throws LeaseLostException if the lease was lost: the result is never written
            events.publish(TOPIC, "step job=" + job + " node=" + node + " token=" + token + " step=" + step + "/" + steps);
        }
        cache.put(doneKey(job), "node=" + node + " token=" + token);
        events.publish(TOPIC, "done job=" + job + " node=" + node + " token=" + token);
    }

    private String awaitSetting(final String key)
    {
        while (true)
        {
            final var value = cache.getString(key);
            if (value.isPresent())
            {
                return value.get();
            }
            heartbeat.beat();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    static String doneKey(final int job)
    {
        return "done/" + Jobs.label(job);
    }
}
