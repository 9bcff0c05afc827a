package com.example;

import io.orbit.annotations.Length;
import io.orbit.annotations.OrbitTyped;

/**
 * Published as (long id, @Length(16) String name, int tries); this build removed its last component.
 *
 * @param id a component.
 * @param name a component.
 */
@OrbitTyped(
    kind = 20)
public record Job(
    long id,
    @Length(16) String name)
{
}
