package io.orbit.runtime.contest;

/**
 * The outcome of {@link Contest#tryClaim}: the caller won the subject ({@link Claimed}) or another
 * live claimant holds it ({@link YieldTo}).
 */
public sealed interface ContestResult permits ContestResult.Claimed, ContestResult.YieldTo
{
    /**
     * @return true for {@link Claimed}.
     */
    boolean isClaimed();

    /**
     * @return the subject's holder: the caller's new lease for {@link Claimed}, the other claimant's for {@link YieldTo}.
     */
    Holder holder();

    /**
     * The caller holds the subject until the guard is released, closed, or its lease expires.
     *
     * @param guard the lease; use it in try-with-resources so leaving the block releases it.
     */
    record Claimed(Guard guard) implements ContestResult
    {
        @Override
        public boolean isClaimed()
        {
            return true;
        }

        @Override
        public Holder holder()
        {
            return guard.holder();
        }
    }

    /**
     * Another claimant holds the subject; the caller holds nothing and left nothing behind.
     *
     * @param holder the current holder, as read at the claim.
     */
    record YieldTo(Holder holder) implements ContestResult
    {
        @Override
        public boolean isClaimed()
        {
            return false;
        }
    }
}
