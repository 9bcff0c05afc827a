package io.orbit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orbit.annotations.check.ProcessorMissingCheck;
import io.orbit.processor.support.JavacRunner;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that forgot {@code annotationProcessorPaths} lets javac search the class path for
 * processors (javac 17–22 by default; {@code -proc:full} asks for it on every JDK). There the
 * annotations jar's {@link ProcessorMissingCheck} must name the fix on the record, and must stay
 * silent when the real processor is found beside it.
 */
class ProcessorMissingCheckTest
{
    @TempDir
    Path dir;

    @Test
    void recordWithoutTheProcessorFailsOnItsLineNamingTheProcessorPath() throws Exception
    {
        writeSources();

        final List<String> errors = compile(annotationsOnly());

        final List<String> missing = errors.stream().filter(e -> e.contains("[OrbitProcessorMissing]")).collect(Collectors.toList());
        assertEquals(1, missing.size(), () -> String.join("\n", errors));
        final String error = missing.get(0);
        assertTrue(error.contains("WorkerLoad.java:6: error: "), "on the record declaration line: " + error);
        assertTrue(error.contains("WorkerLoadOrbital") && error.contains("annotationProcessorPaths")
            && error.contains("io.orbit:orbit-processor"), error);
    }

    @Test
    void checkStaysSilentWhenTheProcessorIsOnTheSamePath() throws Exception
    {
        writeSources();

        final List<String> errors = compile(System.getProperty("java.class.path"));

        assertTrue(errors.isEmpty(), () -> String.join("\n", errors));
        assertTrue(Files.exists(dir.resolve("out/com/example/WorkerLoadOrbital.class")), "the real processor ran");
    }

    private void writeSources() throws Exception
    {
        JavacRunner.write(dir.resolve("src"), "com/example/WorkerLoad.java",
            "package com.example;",
            "",
            "import io.orbit.annotations.OrbitTyped;",
            "",
            "@OrbitTyped(kind = 12)",
            "public record WorkerLoad(int busy, int idle) {}");
        JavacRunner.write(dir.resolve("src"), "com/example/App.java",
            "package com.example;",
            "",
            "final class App",
            "{",
            "    Object orbital = WorkerLoadOrbital.class;",
            "}");
    }

    /**
     * Runs the JDK's {@code javac} as its own process with processors discovered on the class path,
     * as a build without a processor path does. In-process javac would not do: its processor class
     * loader delegates to the test's class path, which holds the real processor.
     */
    private List<String> compile(final String classPath) throws Exception
    {
        final Path out = Files.createDirectories(dir.resolve("out"));
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
            "-proc:full", "-classpath", classPath, "-d", out.toString()));
        try (Stream<Path> files = Files.walk(dir.resolve("src")))
        {
            files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(command::add);
        }
        final Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        javac.waitFor();
        return output.lines().filter(line -> line.contains(": error: ")).collect(Collectors.toList());
    }

    private static String annotationsOnly() throws URISyntaxException
    {
        final Path annotations = Path.of(ProcessorMissingCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertFalse(annotations.toString().contains("orbit-processor"), annotations.toString());
        return annotations.toString();
    }
}
