package com.example;

import io.orbit.annotations.Length;
import io.orbit.annotations.OrbitTyped;

/**
 * Published as (long id, @Length(16) String name); this build widened the name, which a ring of the
 * published layout would refuse.
 *
 * @param id   job id.
 * @param name its name.
 */
@OrbitTyped(kind = 20)
public record Job(long id, @Length(24) String name)
{
}
