package io.orbit.samples.fleet;

import io.orbit.annotations.OrbitTyped;

/**
 * How busy a worker is. The annotation processor turns it into {@code WorkerLoadCodec} (fixed
 * 8-byte layout) and {@code WorkerLoadOrbital} (typed store/load over KIND 12).
 *
 * @param busy jobs the worker is running.
 * @param idle free job slots.
 */
@OrbitTyped(kind = 12)
public record WorkerLoad(int busy, int idle)
{
}
