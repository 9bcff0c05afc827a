package com.example;

import io.orbit.annotations.OrbitTyped;

@OrbitTyped(kind = 220)
public record Gossip(int value)
{
}
