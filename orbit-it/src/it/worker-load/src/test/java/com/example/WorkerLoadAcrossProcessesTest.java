package com.example;

import io.orbit.runtime.fleet.Fleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerLoadAcrossProcessesTest
{
    @TempDir
    Path shmDir;

    private String run(final String... args) throws IOException, InterruptedException
    {
        final String[] command = new String[6 + args.length];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
        command[2] = "-Dorbit.shm.dir=" + shmDir;
        command[3] = "-cp";
        command[4] = System.getProperty("java.class.path");
        command[5] = StoreLoad.class.getName();
        System.arraycopy(args, 0, command, 6, args.length);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void generatedOrbitalStoresInOneProcessAndLoadsInAnother() throws Exception
    {
        assertEquals(12, WorkerLoadCodec.KIND);
        assertEquals(8, WorkerLoadCodec.ENCODED_LENGTH);

        assertTrue(run("store", "it_fleet", "0", "3", "5").startsWith("STORED 12:0:"));
        assertTrue(run("store", "it_fleet", "1", "7", "1").startsWith("STORED 12:1:"));
        assertEquals("LOADED WorkerLoad[busy=3, idle=5]", run("load", "it_fleet", "0"));
        assertEquals("LOADED WorkerLoad[busy=7, idle=1]", run("load", "it_fleet", "1"));

        try (Fleet fleet = Fleet.joinShmAs("it_fleet", 3, 2, shmDir))
        {
            final WorkerLoadOrbital orbital = WorkerLoadOrbital.of(fleet);
            assertEquals(Optional.of(new WorkerLoad(7, 1)), orbital.load(), "newest store of any node");
            assertEquals(Map.of(0, new WorkerLoad(3, 5), 1, new WorkerLoad(7, 1)), orbital.loadAll());
            final long id = orbital.store(new WorkerLoad(9, 9));
            assertEquals(Optional.of(new WorkerLoad(9, 9)), orbital.loadById(id));
        }
    }
}
