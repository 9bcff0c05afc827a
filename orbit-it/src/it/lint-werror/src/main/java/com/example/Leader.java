package com.example;

import io.orbit.annotations.ContestType;

/**
 * A contest subject, so the contest claim is linted too.
 */
@ContestType(kind = 3)
public final class Leader
{
    private Leader()
    {
    }
}
