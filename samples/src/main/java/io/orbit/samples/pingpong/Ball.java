package io.orbit.samples.pingpong;

import io.orbit.annotations.OrbitTyped;

/**
 * The record bounced between the two ping-pong processes.
 *
 * @param sequence round trip number.
 * @param sentNanos when the pinger sent it (its own monotonic clock).
 */
@OrbitTyped(kind = 13, capacity = 64)
public record Ball(long sequence, long sentNanos)
{
}
