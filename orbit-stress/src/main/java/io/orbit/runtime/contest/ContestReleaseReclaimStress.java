package io.orbit.runtime.contest;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.stress.FleetNames;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLL_Result;

import java.time.Duration;
import java.util.Optional;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The holder's release keeps its slot keyed to the subject, and the holder's next claim takes that
 * slot straight from the seq word its release left: node 0 holds the subject, then releases and
 * claims again through its {@link ClaimHandle}, while node 1 claims the same subject and then reads
 * the holder. Exactly one of the two claims wins, with a fence token above the first lease's; the
 * loser names a whole lease that existed (the first one or the winner's: node, owner, token, claim
 * time and deadline of one lease); node 1's read sees either no holder or one whole lease that
 * existed, never a mix (a torn lease). r1 is the verdict, r2 what the read saw, r3 the winner.
 * (Two actors: jcstress runs nothing with more actors than CPUs, and the CI machine has two.)
 */
@JCStressTest
@Outcome(id = "ONE_CLAIMED, (NONE|FIRST|RECLAIMED|RIVAL), (node0|node1)", expect = ACCEPTABLE,
    desc = "one claim with a larger token; the loser and the reader each name a lease that existed, whole")
@Outcome(expect = FORBIDDEN, desc = "both or neither claimed, a token that did not grow, or a torn or unknown lease")
@State
public class ContestReleaseReclaimStress
{
    private static final Duration TTL = Duration.ofMinutes(1);

    private final Fleet fleet0;
    private final Fleet fleet1;
    private final Contest contest1;
    private final ClaimHandle holder;
    private final ClaimHandle rival;
    private final long firstToken;
    private final long firstClaimedAt;
    private final long firstExpiresAt;
    private int holderOutcome;
    private int rivalOutcome;
    private Optional<Holder> seen;

    public ContestReleaseReclaimStress()
    {
        final String name = FleetNames.next("cr");
        fleet0 = Fleet.joinAs(name, 2, 0);
        fleet1 = Fleet.joinAs(name, 2, 1);
        final Contest contest0 = Contest.builder(fleet0).slotCount(4).open();
        contest1 = Contest.builder(fleet1).slotCount(4).open();
        holder = contest0.claimHandle(1, "subject", "node0");
        rival = contest1.claimHandle(1, "subject", "node1");
        if (contest0.tryClaimInto(holder, TTL) != ClaimHandle.CLAIMED)
        {
            throw new IllegalStateException("the first claim of a fresh table yielded");
        }
        firstToken = holder.fenceToken();
        firstClaimedAt = holder.claimedAtNanos;
        firstExpiresAt = holder.expiresAtNanos();
    }

    @Actor
    public void releaseAndReclaim()
    {
        holder.release();
        holderOutcome = holder.contest.tryClaimInto(holder, TTL);
    }

    @Actor
    public void rivalClaimsThenReads()
    {
        rivalOutcome = contest1.tryClaimInto(rival, TTL);
        seen = contest1.holder(1, "subject");
    }

    @Arbiter
    public void arbiter(final LLL_Result r)
    {
        try
        {
            final String read = seen(seen);
            r.r2 = read;
            if ((holderOutcome == ClaimHandle.CLAIMED) == (rivalOutcome == ClaimHandle.CLAIMED))
            {
                r.r1 = holderOutcome == ClaimHandle.CLAIMED ? "BOTH_CLAIMED" : "NONE_CLAIMED";
                r.r3 = "-";
                return;
            }
            final boolean holderWon = holderOutcome == ClaimHandle.CLAIMED;
            final ClaimHandle winner = holderWon ? holder : rival;
            final ClaimHandle loser = holderWon ? rival : holder;
            final Holder named = loser.holder();
            final boolean loserNamesWinner = matches(named, holderWon ? 0 : 1, holderWon ? "node0" : "node1", winner.fenceToken(),
                winner.claimedAtNanos, winner.expiresAtNanos());
            // Only the rival (losing to the holder) can have read the first lease: the holder released it before claiming again.
            final boolean loserNamesFirst = holderWon && matches(named, 0, "node0", firstToken, firstClaimedAt, firstExpiresAt);
            if (winner.fenceToken() <= firstToken)
            {
                r.r1 = "TOKEN_DID_NOT_GROW " + winner.fenceToken() + " after " + firstToken;
            }
            else if (!loserNamesWinner && !loserNamesFirst)
            {
                r.r1 = "LOSER_NAMED_UNKNOWN_LEASE " + named;
            }
            else if (read.startsWith("TORN"))
            {
                r.r1 = "READER_SAW_TORN_LEASE";
            }
            else
            {
                r.r1 = "ONE_CLAIMED";
            }
            r.r3 = holderWon ? "node0" : "node1";
        }
        finally
        {
            fleet0.close();
            fleet1.close();
        }
    }

    /** Names the lease the reader saw, or TORN when its fields belong to no single lease. */
    private String seen(final Optional<Holder> read)
    {
        if (read.isEmpty())
        {
            return "NONE";
        }
        final Holder h = read.get();
        if (matches(h, 0, "node0", firstToken, firstClaimedAt, firstExpiresAt))
        {
            return "FIRST";
        }
        if (holderOutcome == ClaimHandle.CLAIMED && matches(h, 0, "node0", holder.fenceToken(), holder.claimedAtNanos, holder.expiresAtNanos()))
        {
            return "RECLAIMED";
        }
        if (rivalOutcome == ClaimHandle.CLAIMED && matches(h, 1, "node1", rival.fenceToken(), rival.claimedAtNanos, rival.expiresAtNanos()))
        {
            return "RIVAL";
        }
        return "TORN " + h;
    }

    private static boolean matches(final Holder h, final int node, final String owner, final long token, final long claimedAt, final long expiresAt)
    {
        return h.node() == node && h.owner().equals(owner) && h.label().equals("subject") && h.subjectType() == 1
            && h.fenceToken() == token && h.claimedAtNanos() == claimedAt && h.expiresAtNanos() == expiresAt;
    }
}
