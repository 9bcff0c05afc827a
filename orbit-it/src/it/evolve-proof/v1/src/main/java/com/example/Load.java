package com.example;

import io.orbit.annotations.OrbitTyped;

/**
 * Version 1, as published in the layout lock.
 *
 * @param busy sequence number of the value.
 * @param idle {@code busy ^ (0x5A5A + node)}, a check of the frame and its writer.
 */
@OrbitTyped(kind = 40)
public record Load(int busy, int idle)
{
}
