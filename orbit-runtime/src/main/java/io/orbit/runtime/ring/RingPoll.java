package io.orbit.runtime.ring;

import java.util.List;

/**
 * Result of the convenient (allocating) poll form: the frames, in lane order, and the loss by class.
 *
 * @param frames      delivered frames: all of lane 0's, then lane 1's, ...
 * @param overwritten counters lost to newer writes.
 * @param abandoned   SHARED counters whose writer died or stalled past the bound.
 * @param corrupt     committed frames that failed validation.
 * @param reset       true when the ring was reset since the previous poll.
 */
public record RingPoll(List<Frame> frames, long overwritten, long abandoned, long corrupt, boolean reset)
{
    /**
     * @return overwritten + abandoned + corrupt.
     */
    public long lost()
    {
        return overwritten + abandoned + corrupt;
    }

    /**
     * @return true when nothing was delivered and nothing was lost.
     */
    public boolean isEmpty()
    {
        return frames.isEmpty() && lost() == 0 && !reset;
    }
}
