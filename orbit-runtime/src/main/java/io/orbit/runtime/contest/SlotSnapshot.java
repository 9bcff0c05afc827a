package io.orbit.runtime.contest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One consistent read of a table slot (filled by {@link ContestTable#read}): the seq word it was
 * read under and, for a valid slot, every field. Mutable and reused within one operation; never
 * shared between threads.
 */
final class SlotSnapshot
{
    long word;
    int state;
    long subjectHash;
    long fenceToken;
    long claimedAt;
    long expiresAt;
    long holderPid;
    int holderNode;
    int subjectType;
    int subjectLength;
    int ownerLength;
    final byte[] subject = new byte[ContestLayout.MAX_SUBJECT_BYTES];
    final byte[] owner = new byte[ContestLayout.MAX_OWNER_BYTES];

    boolean isHeld()
    {
        return state == ContestLayout.STATE_HELD;
    }

    /**
     * @param now monotonic nanoseconds.
     * @return true for a held lease whose deadline is after {@code now}.
     */
    boolean isLiveAt(final long now)
    {
        return isHeld() && expiresAt - now > 0;
    }

    boolean holds(final int type, final long hash, final byte[] label)
    {
        return isHeld()
            && subjectHash == hash
            && subjectType == type
            && subjectLength == label.length
            && Arrays.equals(subject, 0, subjectLength, label, 0, label.length);
    }

    Holder toHolder()
    {
        return new Holder(
            subjectType,
            new String(subject, 0, subjectLength, StandardCharsets.UTF_8),
            new String(owner, 0, ownerLength, StandardCharsets.UTF_8),
            holderNode,
            holderPid,
            fenceToken,
            claimedAt,
            expiresAt);
    }
}
