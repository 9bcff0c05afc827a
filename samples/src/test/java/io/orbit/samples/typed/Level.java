package io.orbit.samples.typed;

/** An enum stored as its ordinal (one byte). */
public enum Level
{
    LOW,
    MEDIUM,
    HIGH
}
