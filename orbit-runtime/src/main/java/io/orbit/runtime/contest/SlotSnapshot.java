package io.orbit.runtime.contest;

import java.nio.charset.StandardCharsets;

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

    /** @return true for a lease (live or not) of the key's subject. */
    boolean holds(final SubjectKey key)
    {
        return isHeld() && isKeyedTo(key);
    }

    /** @return true when the slot is the key's subject's: a lease (live or not) or one its holder released. */
    boolean isKeyedTo(final SubjectKey key)
    {
        return subjectHash == key.subjectHash && subjectType == key.subjectType && key.isSubject(subject, subjectLength);
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
