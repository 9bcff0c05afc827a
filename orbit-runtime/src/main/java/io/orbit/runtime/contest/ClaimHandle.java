package io.orbit.runtime.contest;

import io.orbit.runtime.exceptions.InvalidArgumentException;

import java.nio.charset.StandardCharsets;

/**
 * A reusable claim of one subject by one owner, for the zero-allocation form of
 * {@link Contest#tryClaimInto}: the labels are encoded once, and the outcome lands in this object
 * (the lease's fence token and deadline, or the blocking holder's node, pid, token and deadline)
 * instead of new result objects.
 *
 * <pre>{@code
 * ClaimHandle nightly = contest.claimHandle(JOBS, "nightly-report", "worker-3");
 * if (contest.tryClaimInto(nightly, TTL) == ClaimHandle.CLAIMED)
 * {
 *     try
 *     {
 *         produce(nightly.fenceToken());
 *     }
 *     finally
 *     {
 *         nightly.release();
 *     }
 * }
 * }</pre>
 *
 * <p>Holds at most one lease at a time: claiming again while it holds one throws. Not
 * thread-safe: one handle per claiming thread.
 */
public final class ClaimHandle
{
    /** {@link Contest#tryClaimInto} outcome: this handle now holds the lease. */
    public static final int CLAIMED = 1;
    /** {@link Contest#tryClaimInto} outcome: another live holder has the subject (its details are in this handle). */
    public static final int YIELDED = 0;

    final Contest contest;
    final SubjectKey key;
    final SlotSnapshot snapshot = new SlotSnapshot();

    boolean held;
    int slot;
    /** The slot's seq word as this handle's commit left it: unchanged means the lease is untouched. */
    long committedWord;
    /**
     * The slot's seq word as this handle's release left it (the slot FREE and still keyed to the
     * subject), 0 when there is none: unchanged means the next claim can take the slot in place.
     */
    long releasedWord;
    long fenceToken;
    long claimedAtNanos;
    long expiresAtNanos;

    ClaimHandle(final Contest contest, final int subjectType, final byte[] subject, final byte[] owner)
    {
        this.contest = contest;
        this.key = new SubjectKey(subjectType, subject, owner);
    }

    /**
     * @return true while this handle holds its lease (claimed and not released; it may have expired).
     */
    public boolean isHeld()
    {
        return held;
    }

    /**
     * @return the fence token of the lease this handle holds or last held (0 before the first claim).
     */
    public long fenceToken()
    {
        return fenceToken;
    }

    /**
     * @return the deadline of the lease this handle holds or last held, in the contest clock's nanoseconds.
     */
    public long expiresAtNanos()
    {
        return expiresAtNanos;
    }

    /**
     * @return after {@link #YIELDED}: the blocking holder's node.
     */
    public int holderNode()
    {
        return snapshot.holderNode;
    }

    /**
     * @return after {@link #YIELDED}: the blocking holder's process id.
     */
    public long holderPid()
    {
        return snapshot.holderPid;
    }

    /**
     * @return after {@link #YIELDED}: the blocking lease's fence token.
     */
    public long holderFenceToken()
    {
        return snapshot.fenceToken;
    }

    /**
     * @return after {@link #YIELDED}: the blocking lease's deadline, in the contest clock's nanoseconds.
     */
    public long holderExpiresAtNanos()
    {
        return snapshot.expiresAt;
    }

    /**
     * @return after {@link #YIELDED}: the blocking holder (allocates its labels).
     */
    public Holder holder()
    {
        return snapshot.toHolder();
    }

    /**
     * Releases the lease if it is still this handle's (the same guarantee as {@link Guard#release()}).
     *
     * @return true when this call released the lease.
     */
    public boolean release()
    {
        if (!held)
        {
            return false;
        }
        held = false;
        final long word = contest.release(slot, committedWord, key, fenceToken, claimedAtNanos, expiresAtNanos, snapshot);
        releasedWord = word == Contest.NOT_RELEASED ? 0 : word;
        return word != Contest.NOT_RELEASED;
    }

    void ensureFree()
    {
        if (held)
        {
            final String label = new String(key.subject, StandardCharsets.UTF_8);
            throw new InvalidArgumentException("fleet " + contest.fleet().name() + " (KIND " + ContestLayout.KIND + "): the claim handle of "
                + "subject " + key.subjectType + ":'" + label + "' still holds the lease with fence token " + fenceToken
                + "; release it before claiming again");
        }
    }

    @Override
    public String toString()
    {
        return "ClaimHandle{" + key.subjectType + ":'" + new String(key.subject, StandardCharsets.UTF_8) + "', owner '"
            + new String(key.owner, StandardCharsets.UTF_8) + "'" + (held ? ", held, fence token " + fenceToken : "") + "}";
    }
}
