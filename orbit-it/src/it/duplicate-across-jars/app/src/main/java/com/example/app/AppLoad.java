package com.example.app;

import io.orbit.annotations.OrbitTyped;

@OrbitTyped(kind = 12)
public record AppLoad(int value)
{
}
