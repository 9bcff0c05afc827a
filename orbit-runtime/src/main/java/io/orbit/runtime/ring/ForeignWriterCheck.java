package io.orbit.runtime.ring;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.ForeignWriterException;

/**
 * Notices another writer on the PER_NODE lane this process holds. Only the holder of a node's lease
 * writes its lane, so the lane head is always where this process's last publish left it; orbit-rs
 * processes take no lease, and one publishing as the same node moves the head (or resets it) behind
 * this process's back, and the two then reuse counters. Each publish compares the head it reads
 * anyway (to take its counter) with the head its previous publish left: a plain compare of a field
 * under the lane lock, nothing more on the publish path.
 *
 * <p>Policy: every mismatch counts one {@link WriterStats#foreignWrites()} and the writer carries on
 * from the head it found (the ring is lossy; the foreign frames stay readable until overwritten).
 * With {@value io.orbit.runtime.OrbitProperties#FAIL_ON_FOREIGN_WRITER_PROPERTY}{@code =true} the publish that notices it also throws
 * {@link ForeignWriterException} before claiming anything; the next publish proceeds.
 *
 * <p>Guarded by the ring's lane lock; not thread-safe on its own.
 */
final class ForeignWriterCheck
{
    private final Ring ring;
    private final boolean fail;
    /** Head this process's last publish left; -1 before its first publish (any earlier frames are legitimate). */
    private long expectedHead = -1;
    /** Reset generation when the check last looked: a Java reset bumps it and is no foreign write. */
    private long knownGeneration = -1;

    ForeignWriterCheck(final Ring ring)
    {
        this.ring = ring;
        this.fail = OrbitProperties.failOnForeignWriter();
    }

    /**
     * @param head the lane head a publish is about to take its counter from.
     * @throws ForeignWriterException when the head moved without this process and the policy is to fail.
     */
    void beforePublish(final long head)
    {
        if (head != expectedHead && expectedHead >= 0)
        {
            final long expected = expectedHead;
            expectedHead = head;
            final long generation = ring.resetGeneration(); // read only on a mismatch: nothing added to a normal publish
            if (generation != knownGeneration && head == 0)
            {
                knownGeneration = generation; // a Java reset (generation bumped, lanes zeroed), announced to every cursor
                return;
            }
            ring.writerStats().onForeignWrite();
            if (fail)
            {
                throw new ForeignWriterException("ring KIND " + ring.kind() + " of " + ring + ": lane " + ring.writeLane()
                    + " of node " + ring.selfNode() + ", held by this process, moved from head " + expected + " to " + head
                    + " without it: another process writes as node " + ring.selfNode()
                    + " (an orbit-rs process takes no node lease; give it a node range of its own)");
            }
        }
    }

    /**
     * @param head the lane head this process just published.
     */
    void published(final long head)
    {
        expectedHead = head;
        if (knownGeneration < 0)
        {
            knownGeneration = ring.resetGeneration(); // once, at the first publish
        }
    }
}
