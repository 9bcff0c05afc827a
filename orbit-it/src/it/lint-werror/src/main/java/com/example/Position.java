package com.example;

import io.orbit.annotations.OrbitTyped;

/**
 * A nested record, so the generated code of one codec calling another is linted too.
 *
 * @param x east.
 * @param y north.
 */
@OrbitTyped(kind = 21)
public record Position(int x, long y)
{
}
