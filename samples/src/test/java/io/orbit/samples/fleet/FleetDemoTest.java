package io.orbit.samples.fleet;

import io.orbit.samples.SampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        final Matcher fleet = Pattern.compile("fleet (demo\\d+): 3 workers").matcher(out);
        assertTrue(fleet.find(), out);
        assertTrue(out.contains("bin/orbit tail " + fleet.group(1) + " --events"), "the demo prints how to tail it: " + out);
        assertTrue(out.contains("io.orbit.samples.tail.Tail " + fleet.group(1) + " 5)"), "with the fleet size Tail checks: " + out);
        final String lastTable = out.substring(out.lastIndexOf("table:"));
        assertTrue(Pattern.compile("(?m)^" + killed.group(1) + "\\s+DEAD").matcher(lastTable).find(), lastTable);
        assertEquals(2, Pattern.compile("(?m)^\\d\\s+FINISHED").matcher(lastTable).results().count(),
            "workers that finished read FINISHED: " + lastTable);
        assertEquals(List.of(), SampleRun.filesLeft(shmDir), "the demo removes its fleet's files");
    }

    @Test
    void interruptedDemoKillsItsWorkersAndRemovesItsFiles(@TempDir final Path shmDir, @TempDir final Path logDir) throws Exception
    {
        final Path log = logDir.resolve("demo.log");
        final Process demo = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Dorbit.shm.dir=" + shmDir,
            "-cp", System.getProperty("java.class.path"),
            FleetDemo.class.getName(), "3", "500")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Pattern.compile("(?m)^\\d\\s+LIVE").matcher(Files.readString(log)).find())
        {
            assertTrue(demo.isAlive() && System.nanoTime() < deadline, "the demo never showed a live worker: " + Files.readString(log));
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // polling the log, not timing
        }
        // The first LIVE row can appear while the demo is still starting the last worker JVM.
        while (demo.descendants().count() < 3)
        {
            assertTrue(demo.isAlive() && System.nanoTime() < deadline, "the demo never started three workers: " + Files.readString(log));
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // polling the process tree, not timing
        }
        final List<ProcessHandle> workers = demo.descendants().toList();
        assertEquals(3, workers.size(), "three worker JVMs");

        demo.destroy(); // SIGTERM: the same shutdown path as Ctrl-C in a terminal
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS));

        final String out = Files.readString(log);
        assertTrue(out.contains(" files of fleet demo"), out);
        assertEquals(List.of(), SampleRun.filesLeft(shmDir), "no segment or lease file left");
        for (final ProcessHandle worker : workers)
        {
            worker.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(!worker.isAlive(), "worker " + worker.pid() + " was killed");
        }
    }
}
