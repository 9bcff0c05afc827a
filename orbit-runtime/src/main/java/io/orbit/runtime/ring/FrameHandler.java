package io.orbit.runtime.ring;

/**
 * Receives frames from a zero-allocation poll or read.
 */
@FunctionalInterface
public interface FrameHandler
{
    /**
     * @param frame the delivered frame; valid only during this call.
     */
    void onFrame(FrameView frame);
}
