package io.orbit.runtime.contest;

/**
 * The holder of a subject's lease, as read from the contest table.
 *
 * @param subjectType    the subject's namespace (a {@code @ContestType} kind), 0-255.
 * @param label          the subject label.
 * @param owner          the holder's owner label (observability only; the lease belongs to the fence token).
 * @param node           the holder's node.
 * @param pid            the holder's process id.
 * @param fenceToken     the lease's fence token, unique and increasing fleet-wide.
 * @param claimedAtNanos when the lease was claimed, in the fleet's monotonic nanoseconds.
 * @param expiresAtNanos the lease's deadline, in the fleet's monotonic nanoseconds.
 */
public record Holder(
    int subjectType,
    String label,
    String owner,
    int node,
    long pid,
    long fenceToken,
    long claimedAtNanos,
    long expiresAtNanos)
{
    /**
     * @param monotonicNanos a time of the contest's clock.
     * @return true while the deadline is after that time.
     */
    public boolean isLiveAt(final long monotonicNanos)
    {
        return expiresAtNanos - monotonicNanos > 0;
    }

    Holder withExpiry(final long expiresAt)
    {
        return new Holder(subjectType, label, owner, node, pid, fenceToken, claimedAtNanos, expiresAt);
    }
}
