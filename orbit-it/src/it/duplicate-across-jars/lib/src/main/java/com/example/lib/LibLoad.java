package com.example.lib;

import io.orbit.annotations.OrbitTyped;

@OrbitTyped(kind = 12)
public record LibLoad(int value)
{
}
