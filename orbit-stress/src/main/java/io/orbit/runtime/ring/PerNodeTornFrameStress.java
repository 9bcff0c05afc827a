package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
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
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * PER_NODE writer vs head reader on a capacity-1 lane: frame 1 is committed before the race, the
 * writer then overwrites the one slot with frames 2 and 3 while the reader takes the lane head
 * through the seqlock read. Every frame's payload is four longs equal to its sequence, so a read
 * that mixes two writes is caught.
 */
@JCStressTest
@Outcome(id = {"1, WHOLE", "2, WHOLE", "3, WHOLE"}, expect = ACCEPTABLE, desc = "a whole committed frame")
@Outcome(id = "0, NONE", expect = ACCEPTABLE_INTERESTING, desc = "no frame: the reader was lapped on every attempt")
@Outcome(expect = FORBIDDEN, desc = "torn frame accepted")
@State
public class PerNodeTornFrameStress
{
    private final Fleet fleet = Fleet.joinAs(FleetNames.next("pn"), 1, 0);
    private final Ring ring = fleet.ring(RingSpec.perNode(1, 1, Payloads.BYTES));
    private final FrameView view = ring.newFrameView();

    public PerNodeTornFrameStress()
    {
        ring.publish(0, 1, Payloads.of(1));
    }

    @Actor
    public void writer()
    {
        ring.publish(0, 2, Payloads.of(2));
        ring.publish(0, 3, Payloads.of(3));
    }

    @Actor
    public void reader(final LL_Result r)
    {
        if (!ring.readLaneHead(0, view))
        {
            r.r1 = 0L;
            r.r2 = "NONE";
            return;
        }
        final long sequence = view.version();
        final boolean whole = Payloads.whole(view.payload(), view.payloadLength(), sequence)
            && view.counter() == sequence - 1 && view.id() == NetId64.make(1, 0, sequence - 1);
        r.r1 = sequence;
        r.r2 = whole ? "WHOLE" : "TORN";
    }

    @Arbiter
    public void close(final LL_Result r)
    {
        fleet.close(); // after both actors: frees the fleet's state so the JVM does not hoard segments
    }
}
