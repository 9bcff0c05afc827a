package io.orbit.samples.grid;

import io.orbit.samples.SampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grid demo end to end: two simulated hosts, two bridge JVMs, four worker JVMs.
 */
class GridDemoTest
{
    @Test
    void aKilledRemoteWorkerAndThenAKilledRemoteBridgeReadDeadOnHostA(@TempDir final Path shmDir) throws Exception
    {
        final SampleRun run = SampleRun.run(shmDir, GridDemo.class);
        final String out = run.output();
        assertEquals(0, run.exitCode(), out);
        assertTrue(out.contains("seen: every worker of both hosts LIVE on host A"), out);
        assertTrue(out.contains("seen: node 6 DEAD on host A"), out);
        assertTrue(out.contains("seen: all of host B's nodes DEAD on host A"), out);
        assertTrue(out.contains("5B=LIVE"), "host B's worker shows in host A's table: " + out);
        assertEquals(List.of(), SampleRun.filesLeft(shmDir), "the demo removes both hosts' files");
    }
}
