package io.orbit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.orbit.processor.support.Compilations.javac;
import static io.orbit.processor.support.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout lock: a record compiled against its published layout fails with
 * {@code [OrbitIncompatibleLayout]} on the exact component for each incompatible change, names the
 * component and both layouts; a rename is free; {@code -Aorbit.layouts.update=true} writes the lock.
 */
class IncompatibleLayoutTest
{
    private static final String PUBLISHED = String.join("\n",
        "type com.example.Job kind 20",
        "  id long",
        "  state enum8{QUEUED,RUNNING}",
        "  name utf8[16]",
        "  scores int[4]",
        "");

    private static JavaFileObject job(final int kind, final String... components)
    {
        return source("com.example.Job",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(",
            "    kind = " + kind + ")",
            "public record Job(",
            "    " + String.join(",\n    ", components) + ") {",
            "  public enum State { QUEUED, RUNNING }",
            "}");
    }

    private static Compilation compile(final Path lock, final JavaFileObject file)
    {
        return javac().withOptions("-Xlint:all", "-Aorbit.layouts=" + lock).compile(file);
    }

    private static Path lock(final Path dir) throws IOException
    {
        return Files.writeString(dir.resolve("layouts.lock"), PUBLISHED, StandardCharsets.UTF_8);
    }

    @Test
    void theSameLayoutWithRenamedComponentsCompiles(@TempDir final Path dir) throws IOException
    {
        final Compilation compilation = compile(lock(dir),
            job(20, "long jobId", "State phase", "@Length(16) String title", "@Length(4) int[] points"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void reorderedComponentsAreRefusedOnTheFirstMovedOne(@TempDir final Path dir) throws IOException
    {
        final JavaFileObject file = job(20, "long id", "@Length(16) String name", "State state", "@Length(4) int[] scores");
        final Compilation compilation = compile(lock(dir), file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitIncompatibleLayout] com.example.Job: component 2 (name) was published later")
            .inFile(file).onLineContaining("String name");
        assertThat(compilation).hadErrorContaining("published (long id, enum8{QUEUED,RUNNING} state, utf8[16] name, int[4] scores)");
        assertThat(compilation).hadErrorContaining("now (long id, utf8[16] name, enum8{QUEUED,RUNNING} state, int[4] scores)");
    }

    @Test
    void aRemovedComponentIsRefusedOnTheRecordNamingIt(@TempDir final Path dir) throws IOException
    {
        final JavaFileObject file = job(20, "long id", "State state", "@Length(16) String name");
        final Compilation compilation = compile(lock(dir), file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitIncompatibleLayout] com.example.Job: component 4 (int[4] scores) was removed")
            .inFile(file).onLineContaining("public record Job");
    }

    @Test
    void aChangedTypeIsRefusedOnTheComponent(@TempDir final Path dir) throws IOException
    {
        final JavaFileObject file = job(20, "int id", "State state", "@Length(16) String name", "@Length(4) int[] scores");
        final Compilation compilation = compile(lock(dir), file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(
                "[OrbitIncompatibleLayout] com.example.Job: component 1 (id) was long id, now int id: its type changed")
            .inFile(file).onLineContaining("int id");
    }

    @Test
    void aChangedLengthIsRefusedOnTheComponent(@TempDir final Path dir) throws IOException
    {
        final JavaFileObject file = job(20, "long id", "State state", "@Length(24) String name", "@Length(4) int[] scores");
        final Compilation compilation = compile(lock(dir), file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("component 3 (name) was utf8[16] name, now utf8[24] name: its @Length changed")
            .inFile(file).onLineContaining("String name");
    }

    @Test
    void aChangedKindIsRefusedOnTheKindValue(@TempDir final Path dir) throws IOException
    {
        final JavaFileObject file = job(21, "long id", "State state", "@Length(16) String name", "@Length(4) int[] scores");
        final Compilation compilation = compile(lock(dir), file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitIncompatibleLayout] com.example.Job: its KIND changed from 20 to 21")
            .inFile(file).onLineContaining("kind = 21");
    }

    @Test
    void anAppendedComponentIsRefusedOnIt(@TempDir final Path dir) throws IOException
    {
        final JavaFileObject file = job(20, "long id", "State state", "@Length(16) String name", "@Length(4) int[] scores", "double weight");
        final Compilation compilation = compile(lock(dir), file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("component 5 (double weight) was appended")
            .inFile(file).onLineContaining("double weight");
    }

    @Test
    void updateWritesTheCurrentLayoutsAndKeepsOthers(@TempDir final Path dir) throws IOException
    {
        final Path lock = Files.writeString(dir.resolve("layouts.lock"), PUBLISHED + "type com.other.Kept kind 3\n  a int\n");
        final Compilation compilation = javac()
            .withOptions("-Xlint:all", "-Aorbit.layouts=" + lock, "-Aorbit.layouts.update=true")
            .compile(job(20, "int id", "double weight"));
        assertThat(compilation).succeededWithoutWarnings();
        final String written = Files.readString(lock);
        assertEquals(String.join("\n",
            "# Orbit layout lock: the published layout of each @OrbitTyped record.",
            "# Written by the Orbit processor with -Aorbit.layouts.update=true; commit it with each release.",
            "type com.example.Job kind 20",
            "  id int",
            "  weight double",
            "type com.other.Kept kind 3",
            "  a int",
            ""), written);
    }

    @Test
    void withoutTheOptionNothingIsChecked()
    {
        assertThat(javac().compile(job(21, "int id"))).succeededWithoutWarnings();
    }
}
