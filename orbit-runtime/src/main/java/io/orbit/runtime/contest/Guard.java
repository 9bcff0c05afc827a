package io.orbit.runtime.contest;

import io.orbit.runtime.exceptions.LeaseLostException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A held lease on one subject, returned by a successful {@link Contest#tryClaim}. Closing it
 * releases the lease, so a try-with-resources block is the release boundary:
 *
 * <pre>{@code
 * if (contest.tryClaim(JOBS, "nightly-report", "worker-3", Duration.ofSeconds(30)) instanceof ContestResult.Claimed claimed)
 * {
 *     try (Guard guard = claimed.guard())
 *     {
 *         storage.write(report, guard.fenceToken()); // the resource rejects tokens below its high-water mark
 *     }
 * }
 * }</pre>
 *
 * <p>The guard only ever acts on its own lease, identified by its fence token: once the lease
 * expired and was taken (by another claimant, or its slot by another subject), or once it was
 * released, {@link #renew} throws
 * {@link LeaseLostException} and {@link #release()} returns false, and neither touches the current
 * holder. Thread-safe.
 */
public final class Guard implements AutoCloseable
{
    private final Contest contest;
    private final ContestTable table;
    private final int slot;
    private final SubjectKey key;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile Holder holder;
    /** The slot's seq word as this guard's last commit left it (claim or renew); 0 when unknown. */
    private volatile long committedWord;

    Guard(
        final Contest contest,
        final ContestTable table,
        final int slot,
        final SubjectKey key,
        final Holder holder,
        final long committedWord)
    {
        this.contest = contest;
        this.table = table;
        this.slot = slot;
        this.key = key;
        this.holder = holder;
        this.committedWord = committedWord;
    }

    /**
     * @return this lease as claimed (or last renewed): subject, owner, node, fence token, deadline.
     */
    public Holder holder()
    {
        return holder;
    }

    /**
     * @return the lease's fence token: larger than the token of every earlier successful claim of the
     *         fleet. Pass it to the protected resource, which admits it through a {@link Fence}.
     */
    public long fenceToken()
    {
        return holder.fenceToken();
    }

    /**
     * Extends the lease to {@code ttl} from now (the new deadline may be earlier than the old one).
     * Renew before the deadline: a lease that expired is still this guard's only until a claimant
     * takes the subject or the table reuses its slot for another subject; until then it is renewed
     * with its fence token.
     *
     * @param ttl the new time to live, positive.
     * @throws io.orbit.runtime.exceptions.FleetClosedException once the fleet is closed.
     * @throws LeaseLostException when the lease was released, or expired and was taken (by a claimant
     *                            of the subject, or its slot by another subject); nothing is written then.
     */
    public void renew(final Duration ttl)
    {
        if (contest.fleet().isClosed())
        {
            throw contest.fleet().closedException("renew a contest lease");
        }
        final long ttlNanos = contest.ttlNanos(ttl);
        if (released.get())
        {
            throw lost("it was released");
        }
        final SlotSnapshot snapshot = new SlotSnapshot();
        final Holder current = holder;
        while (true)
        {
            final int status = table.readStable(slot, snapshot, key);
            if (status != ContestTable.VALID || !isMine(snapshot))
            {
                throw lost(describe(status, snapshot));
            }
            final long expiresAt = Contest.deadline(contest.clock().monotonicNanos(), ttlNanos);
            final long odd = table.begin(slot, snapshot.word);
            if (odd == 0)
            {
                continue; // the slot changed since the read: look again
            }
            table.writeLease(slot, key, current.fenceToken(), current.claimedAtNanos(), expiresAt, false); // the slot holds our labels
            if (!table.commit(slot, odd))
            {
                throw lost("its slot was taken over while renewing (this process was paused past the pending bound)");
            }
            committedWord = ContestLayout.seqWord(ContestLayout.sequence(odd) + 1, table.node());
            holder = current.withExpiry(expiresAt);
            return;
        }
    }

    /**
     * Releases the lease if it is still this guard's. Never touches another holder's lease.
     *
     * @return true when this call released the lease; false when it was already released, or expired
     *         and was taken by another claimant, or the fleet is closed (a closed handle writes nothing;
     *         its dead node frees the lease at once).
     */
    public boolean release()
    {
        // A closed fleet writes nothing: its node is dead (the lease is free at once) or already another process's.
        if (!released.compareAndSet(false, true) || contest.fleet().isClosed())
        {
            return false;
        }
        final Holder mine = holder;
        return contest.release(slot, committedWord, key, mine.fenceToken(), mine.claimedAtNanos(), mine.expiresAtNanos(), new SlotSnapshot())
            != Contest.NOT_RELEASED;
    }

    /**
     * Releases the lease (see {@link #release()}); closing twice is harmless.
     */
    @Override
    public void close()
    {
        release();
    }

    private boolean isMine(final SlotSnapshot snapshot)
    {
        return snapshot.fenceToken == holder.fenceToken() && snapshot.holds(key);
    }

    private static String describe(final int status, final SlotSnapshot snapshot)
    {
        if (status == ContestTable.VALID && snapshot.isHeld())
        {
            final Holder now = snapshot.toHolder();
            return "it is now held by owner '" + now.owner() + "' on node " + now.node() + " with fence token " + now.fenceToken();
        }
        return "it expired or was released, and its slot has been reused";
    }

    private LeaseLostException lost(final String why)
    {
        final Holder mine = holder;
        return new LeaseLostException("fleet " + contest.fleet().name() + " (KIND " + ContestLayout.KIND + "): the lease of owner '"
            + mine.owner() + "' on subject " + mine.subjectType() + ":'" + mine.label() + "' (fence token " + mine.fenceToken()
            + ") is lost: " + why);
    }

    @Override
    public String toString()
    {
        return "Guard{" + holder + (released.get() ? ", released" : "") + "}";
    }
}
