package com.example;

import io.orbit.annotations.Length;
import io.orbit.annotations.OrbitTyped;
import io.orbit.annotations.Since;

/**
 * Version 2: three components appended, still within the payload capacity version 1 fixed (32 bytes).
 *
 * @param busy   sequence number of the value.
 * @param idle   {@code busy ^ (0x5A5A + node)}, a check of the frame and its writer.
 * @param queued {@code busy * 10}; 0 in a frame of version 1.
 * @param host   {@code "h" + busy}; empty in a frame of version 1.
 * @param mode   DRAINING for odd {@code busy}; NORMAL (ordinal 0) in a frame of version 1.
 */
@OrbitTyped(kind = 40)
public record Load(int busy, int idle, @Since(2) long queued, @Since(2) @Length(12) String host, @Since(2) Mode mode)
{
    /**
     * Added in version 2.
     */
    public enum Mode
    {
        /** Ordinal 0: what a frame of version 1 reads as. */
        NORMAL,
        /** Taking no new work. */
        DRAINING
    }
}
