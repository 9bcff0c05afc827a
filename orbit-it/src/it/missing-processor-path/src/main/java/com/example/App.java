package com.example;

import io.orbit.runtime.fleet.Fleet;

final class App
{
    static void store(final Fleet fleet)
    {
        WorkerLoadOrbital.of(fleet).store(new WorkerLoad(1, 2));
    }
}
