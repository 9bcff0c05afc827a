package com.example;

import io.orbit.annotations.OrbitTyped;

/**
 * How busy a worker is; shared by every node of a fleet through WorkerLoadOrbital.
 *
 * @param busy tasks running.
 * @param idle free slots.
 */
@OrbitTyped(kind = 12)
public record WorkerLoad(int busy, int idle)
{
}
