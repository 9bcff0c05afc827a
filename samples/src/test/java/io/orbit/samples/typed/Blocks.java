package io.orbit.samples.typed;

import io.orbit.annotations.Length;
import io.orbit.annotations.OrbitTyped;

/** Fixed-size strings and arrays, an enum and a nested record. */
@OrbitTyped(kind = 102, capacity = 16, topology = OrbitTyped.Topology.SHARED)
public record Blocks(@Length(8) String name, @Length(4) int[] values, @Length(2) double[] ratios, Level level, Primitives inner)
{
}
