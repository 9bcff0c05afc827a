package io.orbit.runtime.cache;

import java.util.Arrays;
import java.util.Optional;

/**
 * The answer of {@link OrbitCache#read}: a hit with its value, or a miss and why, plus the
 * revision (ring counter) of the mutation that decided it. orbit-rs called the revision "epoch".
 */
public final class CacheRead
{
    /** Revision of a read that no mutation in the retained window decided. */
    public static final long NO_REVISION = -1;

    /** Why a read ended as it did. */
    public enum Outcome
    {
        /** The newest mutation of the key is a PUT that has not expired. */
        HIT,
        /** No mutation of the key (and no covering RESET) is in the retained window. */
        ABSENT,
        /** The newest mutation of the key is a DELETE. */
        DELETED,
        /** The newest mutation of the key is a PUT whose expiry has passed. */
        EXPIRED,
        /** The newest mutation covering the key is a RESET of a prefix of it. */
        RESET
    }

    private static final CacheRead ABSENT = new CacheRead(Outcome.ABSENT, null, NO_REVISION, 0);

    private final Outcome outcome;
    private final byte[] value;
    private final long revision;
    private final long expiresAtMs;

    private CacheRead(final Outcome outcome, final byte[] value, final long revision, final long expiresAtMs)
    {
        this.outcome = outcome;
        this.value = value;
        this.revision = revision;
        this.expiresAtMs = expiresAtMs;
    }

    /**
     * @param value       the value (kept, not copied: callers never mutate it; {@link #value()} copies).
     * @param revision    counter of the PUT.
     * @param expiresAtMs monotonic expiry in ms, 0 for never.
     * @return a hit.
     */
    static CacheRead hit(final byte[] value, final long revision, final long expiresAtMs)
    {
        return new CacheRead(Outcome.HIT, value, revision, expiresAtMs);
    }

    /**
     * @param outcome     a miss outcome.
     * @param revision    counter of the deciding mutation, or {@link #NO_REVISION}.
     * @param expiresAtMs the expired PUT's expiry, else 0.
     * @return a miss.
     */
    static CacheRead miss(final Outcome outcome, final long revision, final long expiresAtMs)
    {
        return outcome == Outcome.ABSENT ? ABSENT : new CacheRead(outcome, null, revision, expiresAtMs);
    }

    /**
     * @return true for a hit.
     */
    public boolean isHit()
    {
        return outcome == Outcome.HIT;
    }

    /**
     * @return why the read ended as it did.
     */
    public Outcome outcome()
    {
        return outcome;
    }

    /**
     * @return a copy of the value on a hit, else empty.
     */
    public Optional<byte[]> value()
    {
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /**
     * @return the ring counter of the mutation that decided the read (the PUT, DELETE or RESET), or
     *         {@link #NO_REVISION} when none in the retained window did. The low 40 bits equal the
     *         counter of the NetId64 that {@code put}, {@code delete} or {@code reset} returned.
     */
    public long revision()
    {
        return revision;
    }

    /**
     * @return the monotonic expiry in ms of the deciding PUT (0 = never, and 0 for every other outcome).
     */
    public long expiresAtMs()
    {
        return expiresAtMs;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof CacheRead other && outcome == other.outcome && revision == other.revision
            && expiresAtMs == other.expiresAtMs && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode()
    {
        return (outcome.hashCode() * 31 + Long.hashCode(revision)) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString()
    {
        return "CacheRead{" + outcome + (value == null ? "" : ", value=" + value.length + " bytes") + ", revision=" + revision
            + (expiresAtMs == 0 ? "" : ", expiresAtMs=" + expiresAtMs) + "}";
    }
}
