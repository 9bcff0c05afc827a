package io.orbit.benchmarks.jmh;

import io.orbit.annotations.OrbitTyped;

/**
 * The typed value of the Orbital benchmarks (same shape as the samples' WorkerLoad).
 *
 * @param busy jobs running.
 * @param idle free slots.
 */
@OrbitTyped(kind = 42)
public record BenchLoad(int busy, int idle)
{
}
