package io.orbit.samples.tail;

import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.samples.SampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TailTest
{
    @Test
    void printsEventsFromAnotherProcessAndReportsLoss(@TempDir final Path shmDir) throws Exception
    {
        final String fleetName = "tail" + ProcessHandle.current().pid();
        try (Fleet fleet = Fleet.joinShmAs(fleetName, 3, 0, shmDir))
        {
            final OrbitEventBus bus = OrbitEventBus.builder(fleet).capacity(8).clock(io.orbit.runtime.OrbitClock.system()).open();
            for (int i = 0; i < 12; i++)
            {
                bus.publish("orders", "order-" + i);
            }
        }
        // The tail starts after the publisher: from the start of an 8-slot ring, 4 events are lost.
        final SampleRun run = SampleRun.run(shmDir, Tail.class, fleetName, "3", "--from-start", "--max", "8", "--capacity", "8");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("tailing fleet " + fleetName + " as node 2"), run.output());
        assertTrue(run.output().contains("node=0 orders order-4"), run.output());
        assertTrue(run.output().contains("node=0 orders order-11"), run.output());
        assertTrue(!run.output().contains("order-3\n"), run.output());
        assertTrue(run.output().contains("LOSS overwritten=4 abandoned=0 corrupt=0 undecodable=0"), run.output());
    }
}
