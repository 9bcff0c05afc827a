package io.orbit.runtime.contest;

import java.util.Arrays;

/**
 * A subject (type and label) and, for a claimant, its owner label, with everything the table
 * derives from the labels computed once: the subject hash and each label's digest (the slot
 * checksum covers the digests, so a claimant that re-reads or rewrites its own slot never hashes
 * its labels again). Immutable.
 */
final class SubjectKey
{
    final int subjectType;
    final byte[] subject;
    final long subjectHash;
    final long subjectDigest;
    /** The owner label, or null for a key that only looks a subject up. */
    final byte[] owner;
    final long ownerDigest;

    SubjectKey(final int subjectType, final byte[] subject, final byte[] owner)
    {
        this.subjectType = subjectType;
        this.subject = subject;
        this.subjectHash = ContestTable.subjectHash(subjectType, subject);
        this.subjectDigest = ContestTable.labelDigest(subject, subject.length);
        this.owner = owner;
        this.ownerDigest = owner == null ? 0 : ContestTable.labelDigest(owner, owner.length);
    }

    /** @return true when the first {@code length} bytes of {@code label} are this key's owner label. */
    boolean isOwner(final byte[] label, final int length)
    {
        return owner != null && owner.length == length && Arrays.equals(owner, 0, length, label, 0, length);
    }

    /** @return true when the first {@code length} bytes of {@code label} are this key's subject label. */
    boolean isSubject(final byte[] label, final int length)
    {
        return subject.length == length && Arrays.equals(subject, 0, length, label, 0, length);
    }
}
