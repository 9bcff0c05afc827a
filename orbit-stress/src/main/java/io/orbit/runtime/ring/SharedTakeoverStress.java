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
 * Takeover of a dead writer's slot: node 2 stamps counter 0 of a capacity-1 SHARED ring odd
 * (publishWithoutCommit) and its handle is closed, so node 2 is dead. Nodes 0 and 1 then publish
 * at once (counters 1 and 2, both mapping to the dead slot). Exactly one of them takes the dead
 * writer's slot over, never both, and the slot ends with counter 2's frame, whole.
 * r1 is the verdict, r2 the node whose writer took over.
 */
@JCStressTest
@Outcome(id = "ONE_TAKEOVER, .*", expect = ACCEPTABLE, desc = "exactly one writer took the dead slot over; newest frame whole")
@Outcome(id = "GAVE_UP, .*", expect = ACCEPTABLE_INTERESTING,
    desc = "a writer gave up behind a live writer paused past the pending bound")
@Outcome(expect = FORBIDDEN, desc = "both or neither took over, or a torn / older frame")
@State
public class SharedTakeoverStress
{
    private static final int KIND = 3;
    private static final RingSpec SPEC = RingSpec.shared(KIND, 1, Payloads.BYTES);

    private final Fleet fleet0;
    private final Fleet fleet1;
    private final Ring ring0;
    private final Ring ring1;
    private long id0;
    private long id1;

    public SharedTakeoverStress()
    {
        final String name = FleetNames.next("st");
        fleet0 = Fleet.joinAs(name, 3, 0);
        fleet1 = Fleet.joinAs(name, 3, 1);
        ring0 = fleet0.ring(SPEC);
        ring1 = fleet1.ring(SPEC);
        try (Fleet dead = Fleet.joinAs(name, 3, 2))
        {
            RingTestHooks.publishWithoutCommit(dead.ring(SPEC), 0, 29, Payloads.of(29)); // counter 0 stays odd: its writer "died" mid-write
        }
    }

    @Actor
    public void writer0()
    {
        id0 = ring0.publish(0, 1, Payloads.of(1));
    }

    @Actor
    public void writer1()
    {
        id1 = ring1.publish(0, 11, Payloads.of(11));
    }

    @Arbiter
    public void arbiter(final LL_Result r)
    {
        try
        {
            final WriterStats s0 = ring0.writerStats();
            final WriterStats s1 = ring1.writerStats();
            final long takeovers = s0.takeovers() + s1.takeovers();
            final long newest = Math.max(NetId64.counter(id0), NetId64.counter(id1));
            final long stamp = RingTestHooks.stamp(ring0, 0, newest);
            final FrameView view = ring0.newFrameView();
            final String verdict;
            if (s0.gaveUpBehindLiveWriter() + s1.gaveUpBehindLiveWriter() > 0)
            {
                verdict = "GAVE_UP";
            }
            else if (takeovers != 1)
            {
                verdict = "TAKEOVERS_" + takeovers;
            }
            else if (newest != 2 || stamp != 2 * newest + 2 || RingTestHooks.readSlot(ring0, 0, newest, view) != RingTestHooks.READY)
            {
                verdict = "NEWEST_NOT_COMMITTED stamp " + stamp + " newest " + newest;
            }
            else if (!Payloads.whole(view.payload(), view.payloadLength(), view.version())
                || NetId64.node(view.id()) != (int)(view.version() / 10))
            {
                verdict = "TORN";
            }
            else
            {
                verdict = "ONE_TAKEOVER";
            }
            r.r1 = verdict;
            r.r2 = s0.takeovers() == 1 ? "node0" : s1.takeovers() == 1 ? "node1" : "none";
        }
        finally
        {
            fleet0.close();
            fleet1.close();
        }
    }
}
