package io.orbit.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a sample's main class as a real JVM on the test class path with a private shared-memory
 * directory, and collects its output.
 *
 * @param exitCode the sample's exit code.
 * @param output   everything it printed.
 */
public record SampleRun(int exitCode, String output)
{
    /**
     * @param shmDir    the sample's {@code orbit.shm.dir}.
     * @param mainClass the sample.
     * @param args      its arguments.
     * @return the finished run.
     * @throws IOException          when the JVM cannot start.
     * @throws InterruptedException when interrupted while waiting.
     */
    public static SampleRun run(final Path shmDir, final Class<?> mainClass, final String... args)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Dorbit.shm.dir=" + shmDir,
            "-cp", System.getProperty("java.class.path"),
            mainClass.getName()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        return new SampleRun(process.exitValue(), output);
    }

    /**
     * @param shmDir a shared-memory directory.
     * @return the files left in it.
     * @throws IOException when it cannot be listed.
     */
    public static List<Path> filesLeft(final Path shmDir) throws IOException
    {
        try (Stream<Path> files = Files.list(shmDir))
        {
            return files.toList();
        }
    }
}
