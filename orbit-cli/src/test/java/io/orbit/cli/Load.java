package io.orbit.cli;

import io.orbit.annotations.OrbitTyped;

/**
 * A typed record the fleet child stores, so {@code orbit tail} can decode it through its generated codec.
 *
 * @param busy busy workers.
 * @param idle idle workers.
 */
@OrbitTyped(kind = 12, capacity = 64)
public record Load(int busy, int idle)
{
}
