package io.orbit.samples.fleet;

import io.orbit.samples.SampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet demo end to end: a coordinator and 3 worker JVMs, one killed with SIGKILL mid-job.
 */
class FleetDemoTest
{
    @Test
    void everyJobOnceFailoverWithAHigherTokenDeadNodeAndNoFilesLeft(@TempDir final Path shmDir) throws Exception
    {
        final SampleRun run = SampleRun.run(shmDir, FleetDemo.class, "3", "12");
        final String out = run.output();

        assertEquals(0, run.exitCode(), out);
        final Matcher killed = Pattern.compile("killed node (\\d+) \\(pid \\d+\\) with SIGKILL in the middle of job (\\d+) \\(fence token (\\d+)\\)")
            .matcher(out);
        assertTrue(killed.find(), out);
        final String job = killed.group(2);
        final long killedToken = Long.parseLong(killed.group(3));
        final Matcher again = Pattern.compile("job " + job + " claimed again by node (\\d+) with fence token (\\d+)").matcher(out);
        assertTrue(again.find(), out);
        assertTrue(!again.group(1).equals(killed.group(1)), "another worker took the job over");
        assertTrue(Long.parseLong(again.group(2)) > killedToken, "with a higher fence token");
        assertTrue(out.contains("completedExactlyOnce=12"), out);
        assertTrue(out.contains("killedNode=" + killed.group(1)) && out.contains("killedNodeState=DEAD"), out);
        assertTrue(out.contains("table:"), "without a terminal the demo prints plain table lines");
        assertEquals(List.of(), SampleRun.filesLeft(shmDir), "the demo removes its fleet's files");
    }
}
