package io.orbit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code orbit} command in a child JVM on the test class path (with the Agrona flag, as the
 * shaded jar's manifest gives it), stdout and stderr merged.
 *
 * @param exit   exit code.
 * @param output everything printed.
 */
record Cli(int exit, String output)
{
    static Cli run(final Path shmDir, final String... args)
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Dorbit.shm.dir=" + shmDir,
            "-cp", System.getProperty("java.class.path"),
            OrbitCommand.class.getName()));
        command.addAll(List.of(args));
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError("orbit " + String.join(" ", args) + " did not exit");
            }
            return new Cli(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    Object json()
    {
        return JsonParser.parse(output.trim());
    }
}
