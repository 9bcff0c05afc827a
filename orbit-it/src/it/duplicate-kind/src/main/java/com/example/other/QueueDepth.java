package com.example.other;

import io.orbit.annotations.OrbitTyped;

@OrbitTyped(kind = 12)
public record QueueDepth(int value)
{
}
