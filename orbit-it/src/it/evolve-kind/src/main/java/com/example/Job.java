package com.example;

import io.orbit.annotations.Length;
import io.orbit.annotations.OrbitTyped;

/**
 * Published as (long id, @Length(16) String name, int tries); this build moved the record to another KIND.
 *
 * @param id a component.
 * @param name a component.
 * @param tries a component.
 */
@OrbitTyped(
    kind = 21)
public record Job(
    long id,
    @Length(16) String name,
    int tries)
{
}
