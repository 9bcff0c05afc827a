package io.orbit.runtime.ring;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Process-local counts of the rare outcomes of SHARED writes. Each is a frame that readers will
 * account for (as overwritten or abandoned); none is ever a torn delivery.
 */
public final class WriterStats
{
    private final AtomicLong lappedAtBirth = new AtomicLong();
    private final AtomicLong takeovers = new AtomicLong();
    private final AtomicLong takenOver = new AtomicLong();
    private final AtomicLong gaveUpBehindLiveWriter = new AtomicLong();
    private final AtomicLong foreignWrites = new AtomicLong();

    /**
     * @return frames dropped at claim because a writer a lap or more ahead already owned the slot.
     */
    public long lappedAtBirth()
    {
        return lappedAtBirth.get();
    }

    /**
     * @return slots this process took over from a dead (or, past the bound, unidentifiable) writer.
     */
    public long takeovers()
    {
        return takeovers.get();
    }

    /**
     * @return frames of this process whose commit failed because another writer took the slot over.
     */
    public long takenOver()
    {
        return takenOver.get();
    }

    /**
     * @return frames dropped because an older, live writer held the slot past the pending bound.
     */
    public long gaveUpBehindLiveWriter()
    {
        return gaveUpBehindLiveWriter.get();
    }

    /**
     * @return times a publish found this process's PER_NODE lane head moved without it: another
     *         process (an orbit-rs process, which takes no lease) writes or reset the same lane.
     */
    public long foreignWrites()
    {
        return foreignWrites.get();
    }

    void onForeignWrite()
    {
        foreignWrites.incrementAndGet();
    }

    void onLappedAtBirth()
    {
        lappedAtBirth.incrementAndGet();
    }

    void onTakeover()
    {
        takeovers.incrementAndGet();
    }

    void onTakenOver()
    {
        takenOver.incrementAndGet();
    }

    void onGaveUp()
    {
        gaveUpBehindLiveWriter.incrementAndGet();
    }

    @Override
    public String toString()
    {
        return "WriterStats{lappedAtBirth=" + lappedAtBirth + ", takeovers=" + takeovers + ", takenOver=" + takenOver
            + ", gaveUpBehindLiveWriter=" + gaveUpBehindLiveWriter + ", foreignWrites=" + foreignWrites + "}";
    }
}
