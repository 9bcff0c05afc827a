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
 * PER_NODE writer vs a cursor that already delivered the lane's newest frame, so its polls probe the
 * next counter's slot first instead of reading the lane head: on a capacity-2 lane holding frame 1
 * (delivered in the state constructor), the writer publishes frames 2..4 while the reader polls
 * twice. Every delivered frame must be whole and in order, each poll's loss accounting must add up,
 * and a poll after both actors must catch the cursor up to the head (a probe never stalls the lane).
 * r1 is the sequences the two polls delivered (- for none), r2 the verdict.
 */
@JCStressTest
@Outcome(id = {"-, OK", "2, OK", "3, OK", "4, OK", "2 3, OK", "2 4, OK", "3 4, OK", "2 3 4, OK"},
    expect = ACCEPTABLE, desc = "whole frames in order, losses accounted, the cursor catches up")
@Outcome(expect = FORBIDDEN, desc = "torn frame accepted, out of order, losses not accounted, or the cursor stalled")
@State
public class PerNodeCursorProbeStress
{
    private final Fleet fleet = Fleet.joinAs(FleetNames.next("pp"), 1, 0);
    private final Ring ring = fleet.ring(RingSpec.perNode(1, 2, Payloads.BYTES));
    private final RingCursor cursor = ring.cursorFromStart();
    private final DeliveredFrames frames = new DeliveredFrames();
    private boolean unaccounted;

    public PerNodeCursorProbeStress()
    {
        ring.publish(0, 1, Payloads.of(1));
        cursor.poll(frames);
        frames.forget();
    }

    @Actor
    public void writer()
    {
        ring.publish(0, 2, Payloads.of(2));
        ring.publish(0, 3, Payloads.of(3));
        ring.publish(0, 4, Payloads.of(4));
    }

    @Actor
    public void reader()
    {
        for (int poll = 0; poll < 2; poll++)
        {
            final PollStats stats = cursor.poll(frames);
            unaccounted |= stats.delivered() + stats.overwritten() + stats.abandoned() + stats.corrupt() != stats.movedPast();
        }
    }

    @Arbiter
    public void arbiter(final LL_Result r)
    {
        try
        {
            r.r1 = frames.seen();
            final PollStats after = cursor.poll(frame -> { });
            final PollStats totals = cursor.totals();
            final boolean caughtUp = cursor.next(0) == 4 && after.corrupt() == 0
                && totals.delivered() + totals.overwritten() + totals.abandoned() + totals.corrupt() == totals.movedPast();
            r.r2 = frames.torn() ? "TORN" : unaccounted ? "UNACCOUNTED" : caughtUp ? "OK" : "STALLED at " + cursor.next(0) + " " + totals;
        }
        finally
        {
            fleet.close();
        }
    }
}
