package io.orbit.runtime.contest;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.stress.FleetNames;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

import java.time.Duration;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two nodes (two handles of one process-local fleet, nodes 0 and 1) try to claim the same free
 * subject at once. Exactly one gets {@code Claimed}; the other yields to that very lease (same
 * node and fence token). r1 is the verdict, r2 the winning node.
 */
@JCStressTest
@Outcome(id = "ONE_CLAIMED, .*", expect = ACCEPTABLE, desc = "one claim; the loser yields to the winner's lease")
@Outcome(expect = FORBIDDEN, desc = "both or neither claimed, or the loser yields to another lease")
@State
public class ContestClaimStress
{
    private static final Duration TTL = Duration.ofMinutes(1);

    private final Fleet fleet0;
    private final Fleet fleet1;
    private final Contest contest0;
    private final Contest contest1;
    private ContestResult result0;
    private ContestResult result1;

    public ContestClaimStress()
    {
        final String name = FleetNames.next("cc");
        fleet0 = Fleet.joinAs(name, 2, 0);
        fleet1 = Fleet.joinAs(name, 2, 1);
        contest0 = Contest.builder(fleet0).slotCount(4).open();
        contest1 = Contest.builder(fleet1).slotCount(4).open();
    }

    @Actor
    public void node0()
    {
        result0 = contest0.tryClaim(1, "subject", "node0", TTL);
    }

    @Actor
    public void node1()
    {
        result1 = contest1.tryClaim(1, "subject", "node1", TTL);
    }

    @Arbiter
    public void arbiter(final LL_Result r)
    {
        try
        {
            if (result0.isClaimed() && result1.isClaimed())
            {
                final long token0 = ((ContestResult.Claimed)result0).guard().fenceToken();
                final long token1 = ((ContestResult.Claimed)result1).guard().fenceToken();
                r.r1 = token0 == token1 ? "BOTH_CLAIMED_SAME_TOKEN" : "BOTH_CLAIMED";
                r.r2 = "both";
                return;
            }
            if (!result0.isClaimed() && !result1.isClaimed())
            {
                r.r1 = "NONE_CLAIMED";
                r.r2 = "none";
                return;
            }
            final ContestResult winner = result0.isClaimed() ? result0 : result1;
            final ContestResult loser = result0.isClaimed() ? result1 : result0;
            final Holder won = winner.holder();
            final Holder seen = loser.holder();
            final boolean sameLease = seen.node() == won.node() && seen.fenceToken() == won.fenceToken()
                && won.fenceToken() == ((ContestResult.Claimed)winner).guard().fenceToken();
            r.r1 = sameLease ? "ONE_CLAIMED" : "LOSER_SAW_OTHER_LEASE " + seen + " vs " + won;
            r.r2 = "node" + won.node();
        }
        finally
        {
            fleet0.close();
            fleet1.close();
        }
    }
}
