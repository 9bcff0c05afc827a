package com.example;

import io.orbit.annotations.Length;
import io.orbit.annotations.OrbitTyped;

/**
 * Every layout kind: primitives, an enum, a string, an array and a nested record.
 *
 * @param id     job id.
 * @param done   finished.
 * @param state  where it is.
 * @param name   its name.
 * @param scores per-stage scores.
 * @param at     where it runs.
 */
@OrbitTyped(kind = 20, capacity = 64)
public record Job(long id, boolean done, State state, @Length(24) String name, @Length(4) int[] scores, Position at)
{
    /**
     * Job states.
     */
    public enum State
    {
        /** Waiting. */
        QUEUED,
        /** Running. */
        RUNNING
    }
}
