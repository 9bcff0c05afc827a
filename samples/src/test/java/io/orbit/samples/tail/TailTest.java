package io.orbit.samples.tail;

import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.samples.SampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
        assertTrue(run.output().contains("tailing fleet " + fleetName + " (3 nodes) from the start"), run.output());
        assertTrue(run.output().contains("node=0 orders order-4"), run.output());
        assertTrue(run.output().contains("node=0 orders order-11"), run.output());
        assertTrue(!run.output().contains("order-3\n"), run.output());
        assertTrue(run.output().contains("LOSS overwritten=4 abandoned=0 corrupt=0 undecodable=0"), run.output());
    }

    @Test
    void aMissingFleetIsReportedAtOnceAndNothingIsCreated(@TempDir final Path shmDir) throws Exception
    {
        final SampleRun run = SampleRun.run(shmDir, Tail.class, "nosuchfleet", "5");

        assertEquals(3, run.exitCode(), run.output());
        assertTrue(run.output().contains("no fleet nosuchfleet with an event bus in " + shmDir), run.output());
        try (Stream<Path> files = Files.list(shmDir))
        {
            assertEquals(List.of(), files.toList(), "Tail must not create segments or leases");
        }
    }

    @Test
    void aWrongSizeIsNamed(@TempDir final Path shmDir) throws Exception
    {
        final String fleetName = "tailsize" + ProcessHandle.current().pid();
        try (Fleet fleet = Fleet.joinShmAs(fleetName, 5, 0, shmDir))
        {
            OrbitEventBus.open(fleet).publish("orders", "order-0");
            final SampleRun run = SampleRun.run(shmDir, Tail.class, fleetName, "3");

            assertEquals(2, run.exitCode(), run.output());
            assertTrue(run.output().contains("fleet " + fleetName + " has 5 nodes, not 3: run Tail " + fleetName + " 5"), run.output());
        }
    }
}
