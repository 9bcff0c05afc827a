package com.example;

import io.orbit.annotations.Length;
import io.orbit.annotations.OrbitTyped;

/**
 * Published as (long id, @Length(16) String name, int tries); this build declared a larger payload capacity.
 *
 * @param id a component.
 * @param name a component.
 * @param tries a component.
 */
@OrbitTyped(
    kind = 20,
    payloadCapacity = 64)
public record Job(
    long id,
    @Length(16) String name,
    int tries)
{
}
