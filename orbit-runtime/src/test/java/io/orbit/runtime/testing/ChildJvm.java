package io.orbit.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real child JVM on the test class path, running a {@code main} class of the tests. Its stdout
 * lines are collected so the parent can await a line (a condition, never a sleep); stderr goes to
 * the parent's stderr.
 */
public final class ChildJvm implements AutoCloseable
{
    /** Bound for every wait on a child. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread pump;

    private ChildJvm(final Process process)
    {
        this.process = process;
        this.pump = new Thread(this::pumpOutput, "child-" + process.pid() + "-stdout");
        this.pump.setDaemon(true);
        this.pump.start();
    }

    /**
     * Starts {@code mainClass} with the test class path, the Agrona flag and the shared-memory directory.
     *
     * @param shmDir    value of {@code orbit.shm.dir} for the child.
     * @param mainClass class whose {@code main} runs.
     * @param args      program arguments.
     * @return the running child.
     */
    public static ChildJvm start(final Path shmDir, final Class<?> mainClass, final String... args)
    {
        return start(shmDir, List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"), mainClass, args);
    }

    /**
     * Starts {@code mainClass} with explicit JVM options (for tests that need a JVM without the flag).
     *
     * @param shmDir     value of {@code orbit.shm.dir} for the child.
     * @param jvmOptions options placed before the main class.
     * @param mainClass  class whose {@code main} runs.
     * @param args       program arguments.
     * @return the running child.
     */
    public static ChildJvm start(final Path shmDir, final List<String> jvmOptions, final Class<?> mainClass, final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-Dorbit.shm.dir=" + shmDir);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try
        {
            return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the child's pid.
     */
    public long pid()
    {
        return process.pid();
    }

    /**
     * @return the process handle.
     */
    public Process process()
    {
        return process;
    }

    /**
     * Waits for a stdout line matching a predicate.
     *
     * @param match condition on the line.
     * @return the first matching line.
     * @throws AssertionError when the child exits or the timeout passes first.
     */
    public String awaitLine(final Predicate<String> match)
    {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try
        {
            while (System.nanoTime() < deadline)
            {
                final String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line != null)
                {
                    synchronized (seen)
                    {
                        seen.add(line);
                    }
                    if (match.test(line))
                    {
                        return line;
                    }
                }
                else if (!process.isAlive() && !pump.isAlive() && lines.isEmpty())
                {
                    throw new AssertionError("child " + pid() + " exited with " + process.exitValue()
                        + " before printing the awaited line; output: " + output());
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
        throw new AssertionError("child " + pid() + " printed no matching line within " + TIMEOUT + "; output: " + output());
    }

    /**
     * Waits for a line starting with a prefix.
     *
     * @param prefix the prefix.
     * @return the rest of the line after the prefix.
     */
    public String awaitPrefix(final String prefix)
    {
        return awaitLine(line -> line.startsWith(prefix)).substring(prefix.length());
    }

    /**
     * Waits for the child to exit.
     *
     * @return its exit code.
     */
    public int awaitExit()
    {
        try
        {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError("child " + pid() + " did not exit within " + TIMEOUT + "; output: " + output());
            }
            pump.join(TIMEOUT.toMillis());
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /**
     * Kills the child with SIGKILL and waits until it is gone.
     */
    public void kill9()
    {
        process.destroyForcibly();
        try
        {
            process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @return every stdout line seen so far, plus those not yet awaited.
     */
    public List<String> output()
    {
        synchronized (seen)
        {
            final List<String> all = new ArrayList<>(seen);
            all.addAll(lines);
            return all;
        }
    }

    private void pumpOutput()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                lines.add(line);
            }
        }
        catch (final IOException ignored)
        {
            // The child closed its stdout; nothing more to collect.
        }
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            kill9();
        }
    }
}
