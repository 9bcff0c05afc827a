package io.orbit.runtime.heartbeat;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.stress.FleetNames;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Heartbeat writer (node 0) vs reader (node 1): the writer's manual clock advances 1 ns before
 * each beat, so beat k carries lastBeat = BASE + k. The reader's clock stands still at NOW, so its
 * read yields lastBeat = NOW - age; a consistent read must give lastBeat == BASE + beats, and a
 * torn (beats, lastBeat) pair from two different beats is caught. r1 is the beats read, r2 the
 * verdict.
 */
@JCStressTest
@Outcome(id = {"0, OK", "1, OK", "2, OK", "3, OK"}, expect = ACCEPTABLE, desc = "a whole beat (or none yet)")
@Outcome(id = ".*, INCONSISTENT", expect = ACCEPTABLE_INTERESTING,
    desc = "the slot stayed odd through every attempt and the read says so")
@Outcome(expect = FORBIDDEN, desc = "torn (beats, lastBeat) pair reported consistent")
@State
public class HeartbeatReadStress
{
    private static final long BASE = 1_000_000_000L;
    private static final long NOW = BASE + 1_000_000L;

    private final Fleet fleet0;
    private final Fleet fleet1;
    private final ManualClock writerClock = new ManualClock(BASE, 0);
    private final FleetHeartbeat writer;
    private final FleetHeartbeat reader;

    public HeartbeatReadStress()
    {
        final String name = FleetNames.next("hb");
        fleet0 = Fleet.joinAs(name, 2, 0);
        fleet1 = Fleet.joinAs(name, 2, 1);
        writer = FleetHeartbeat.builder(fleet0).clock(writerClock).open();
        reader = FleetHeartbeat.builder(fleet1).clock(new ManualClock(NOW, 0)).open();
        beat(); // beat 1 before the race, so most reads land on a written slot
    }

    private void beat()
    {
        writerClock.advance(1, TimeUnit.NANOSECONDS);
        writer.beat();
    }

    @Actor
    public void writer()
    {
        beat();
        beat();
    }

    @Actor
    public void reader(final LL_Result r)
    {
        final NodeHeartbeat heartbeat = reader.read(0, Duration.ofSeconds(1));
        r.r1 = heartbeat.beats();
        if (!heartbeat.consistent())
        {
            r.r2 = "INCONSISTENT";
            return;
        }
        final long lastBeat = NOW - heartbeat.age().toNanos();
        r.r2 = heartbeat.state() == NodeState.LIVE && lastBeat == BASE + heartbeat.beats() ? "OK"
            : "TORN " + heartbeat.state() + " lastBeat " + (lastBeat - BASE);
    }

    @Arbiter
    public void close(final LL_Result r)
    {
        fleet0.close();
        fleet1.close();
    }
}
