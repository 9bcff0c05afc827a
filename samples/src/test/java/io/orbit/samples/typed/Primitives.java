package io.orbit.samples.typed;

import io.orbit.annotations.OrbitTyped;

/** Every primitive, for round trips at the boundaries. */
@OrbitTyped(kind = 101, capacity = 16)
public record Primitives(byte b, short s, int i, long l, float f, double d, boolean z, char c)
{
}
