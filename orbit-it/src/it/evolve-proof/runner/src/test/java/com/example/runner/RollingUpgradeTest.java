package com.example.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version-1 and a version-2 build of {@code com.example.Load}, two jars, as separate JVMs on one
 * ring: v1 stores and v2 loads (defaults), v2 stores and v1 loads (prefix), then both store and read
 * each other at once under load. Every child prints its result; verify.groovy checks the lines again.
 */
class RollingUpgradeTest
{
    private static final int UNDER_LOAD = 200_000;

    @TempDir
    Path shmDir;

    private Process start(final String version, final String... args) throws IOException
    {
        final Path jar = Path.of(System.getProperty("proof." + version + ".jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is built before the runner");
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Dorbit.shm.dir=" + shmDir,
            "-cp", jar + File.pathSeparator + System.getProperty("java.class.path"),
            "com.example.Worker"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(final Process process) throws IOException, InterruptedException
    {
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), output);
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void versionOneAndVersionTwoShareOneRingInBothDirections() throws Exception
    {
        // v1 creates the ring and stores; v2 attaches and reads the defaults of what v1 lacks.
        assertEquals("STORED v1 node=0 count=1000", finish(start("v1", "store", "proof_a", "0", "1000")));
        assertEquals("LOADED v2 busy=999 queued=0 host='' mode=NORMAL length=8",
            finish(start("v2", "load", "proof_a", "1", "0")));

        // v2 creates the ring and stores; v1 attaches and reads the prefix it knows.
        assertEquals("STORED v2 node=1 count=1000", finish(start("v2", "store", "proof_b", "1", "1000")));
        assertEquals("LOADED v1 busy=999 idle=" + (999 ^ (0x5A5A + 1)) + " length=32",
            finish(start("v1", "load", "proof_b", "0", "1")));

        // Both at once under load: each stores 200 000 values and follows both lanes from the start.
        final Process one = start("v1", "both", "proof_c", "0", String.valueOf(UNDER_LOAD));
        final Process two = start("v2", "both", "proof_c", "1", String.valueOf(UNDER_LOAD));
        final String outputOne = finish(one);
        final String outputTwo = finish(two);
        for (final String output : new String[] {outputOne, outputTwo})
        {
            assertTrue(output.contains("total=" + UNDER_LOAD), output);
            assertTrue(output.contains(" torn=0 "), output);
            assertTrue(output.contains(" runtime-corrupt=0 "), output);
            assertTrue(output.contains("peer-last=" + (UNDER_LOAD - 1)), output);
        }
        // Each reader saw frames of the other version's length only on the peer lane.
        assertTrue(outputOne.contains("peer-lengths={32="), outputOne);
        assertTrue(outputTwo.contains("peer-lengths={8="), outputTwo);
    }
}
