package com.example;

import io.orbit.annotations.OrbitTyped;

@OrbitTyped(kind = 12)
public record WorkerLoad(int busy, int idle) {}
