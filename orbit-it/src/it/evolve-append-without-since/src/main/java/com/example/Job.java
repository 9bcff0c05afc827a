package com.example;

import io.orbit.annotations.Length;
import io.orbit.annotations.OrbitTyped;

/**
 * Published as (long id, @Length(16) String name, int tries); this build appended a component without @Since.
 *
 * @param id a component.
 * @param name a component.
 * @param tries a component.
 * @param priority a component.
 */
@OrbitTyped(
    kind = 20)
public record Job(
    long id,
    @Length(16) String name,
    int tries,
    int priority)
{
}
