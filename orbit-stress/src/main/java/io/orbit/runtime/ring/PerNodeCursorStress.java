package io.orbit.runtime.ring;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.stress.FleetNames;
import io.orbit.stress.Payloads;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * PER_NODE writer vs cursor poll on a capacity-1 lane: the writer publishes frames 1..3 while a
 * cursor from the start polls once. Every delivered frame must be whole and in order, and the poll's
 * loss accounting must add up (delivered + overwritten + abandoned + corrupt == movedPast).
 * r1 is the sequences delivered (- for none), r2 the verdict.
 */
@JCStressTest
@Outcome(id = {"-, OK", "1, OK", "2, OK", "3, OK", "1 2, OK", "1 3, OK", "2 3, OK", "1 2 3, OK"},
    expect = ACCEPTABLE, desc = "whole frames in order, losses accounted")
@Outcome(expect = FORBIDDEN, desc = "torn frame accepted, out of order, or losses not accounted")
@State
public class PerNodeCursorStress
{
    private final Fleet fleet = Fleet.joinAs(FleetNames.next("pc"), 1, 0);
    private final Ring ring = fleet.ring(RingSpec.perNode(1, 1, Payloads.BYTES));
    private final RingCursor cursor = ring.cursorFromStart();
    private final DeliveredFrames frames = new DeliveredFrames();

    @Actor
    public void writer()
    {
        ring.publish(0, 1, Payloads.of(1));
        ring.publish(0, 2, Payloads.of(2));
        ring.publish(0, 3, Payloads.of(3));
    }

    @Actor
    public void reader(final LL_Result r)
    {
        final PollStats stats = cursor.poll(frames);
        final boolean accounted = stats.delivered() + stats.overwritten() + stats.abandoned() + stats.corrupt() == stats.movedPast();
        r.r1 = frames.seen();
        r.r2 = frames.torn() ? "TORN" : accounted ? "OK" : "UNACCOUNTED " + stats;
    }

    @Arbiter
    public void close(final LL_Result r)
    {
        fleet.close();
    }
}
