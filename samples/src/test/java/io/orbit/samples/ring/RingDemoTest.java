package io.orbit.samples.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingDemoTest
{
    @Test
    void demoKillsAWorkerAndAccountsForEveryFrame(@TempDir final Path shmDir) throws IOException, InterruptedException
    {
        final Process demo = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Dorbit.shm.dir=" + shmDir,
            "-cp", System.getProperty("java.class.path"),
            RingDemo.class.getName(), "3", "4000")
            .redirectErrorStream(true)
            .start();
        final String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS), output);

        assertEquals(0, demo.exitValue(), output);
        assertTrue(output.contains("killed node 3 with SIGKILL; alive=false"), output);
        assertTrue(output.contains("corrupt=0 torn=0 node 3 DEAD"), output);
        assertTrue(output.contains("OK: every frame accounted for exactly"), output);
        try (Stream<Path> left = Files.list(shmDir))
        {
            assertEquals(0, left.count(), "the demo removes its fleet's files");
        }
    }
}
