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
import io.orbit.processor.model.LayoutLock;
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
    /** Job(long id, State state, @Length(16) String name, @Length(4) int[] scores): 48 bytes, payload capacity 96. */
    private static final String PUBLISHED = String.join("\n",
        "format 2",
        "type com.example.Job kind 20 version 1 payloadCapacity 96",
        "  id long:0:8@1",
        "  state enum8{QUEUED,RUNNING}:8:1@1",
        "  name utf8[16]:9:16@1",
        "  scores int[4]:28:16@1",
        "");
    private static final String PUBLISHED_TEXT =
        "published version 1 (long id, enum8{QUEUED,RUNNING} state, utf8[16] name, int[4] scores), payloadCapacity 96";

    private static JavaFileObject job(final int kind, final String... components)
    {
        return jobWith("kind = " + kind, components);
    }

    private static JavaFileObject jobWith(final String annotation, final String... components)
    {
        return source("com.example.Job",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "import io.orbit.annotations.Since;",
            "@OrbitTyped(",
            "    " + annotation + ")",
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
        assertThat(compilation).hadErrorContaining(PUBLISHED_TEXT);
        assertThat(compilation).hadErrorContaining(
            "now version 1 (long id, utf8[16] name, enum8{QUEUED,RUNNING} state, int[4] scores), payloadCapacity 96");
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
    void anAppendedComponentWithoutAHigherSinceIsRefusedOnIt(@TempDir final Path dir) throws IOException
    {
        final JavaFileObject file = job(20, "long id", "State state", "@Length(16) String name", "@Length(4) int[] scores", "double weight");
        final Compilation compilation = compile(lock(dir), file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(
                "component 5 (double weight) was appended without a @Since higher than the published version 1")
            .inFile(file).onLineContaining("double weight");
    }

    @Test
    void anAppendedComponentWithAHigherSinceCompiles(@TempDir final Path dir) throws IOException
    {
        final Compilation compilation = compile(lock(dir), job(20, "long id", "State state", "@Length(16) String name",
            "@Length(4) int[] scores", "@Since(2) double weight", "@Since(2) @Length(8) String note"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aChangedSinceIsRefusedOnTheComponent(@TempDir final Path dir) throws IOException
    {
        final JavaFileObject file = jobWith("kind = 20, payloadCapacity = 96",
            "long id", "State state", "@Length(16) String name", "@Since(2) @Length(4) int[] scores");
        final Compilation compilation = compile(lock(dir), file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(
                "component 4 (scores) was published with @Since(1), now @Since(2): a published component keeps its version")
            .inFile(file).onLineContaining("int[] scores");
    }

    @Test
    void aChangedPayloadCapacityIsRefusedOnTheValue(@TempDir final Path dir) throws IOException
    {
        final JavaFileObject file = jobWith("kind = 20,\n    payloadCapacity = 160",
            "long id", "State state", "@Length(16) String name", "@Length(4) int[] scores");
        final Compilation compilation = compile(lock(dir), file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitIncompatibleLayout] com.example.Job: its payloadCapacity changed from 96 to"
                + " 160 bytes, which fixes the ring's slot size; " + PUBLISHED_TEXT)
            .inFile(file).onLineContaining("payloadCapacity = 160");
    }

    @Test
    void aLockOfOrbit010IsRefusedWithTheUpgradeStep(@TempDir final Path dir) throws IOException
    {
        final Path lock = Files.writeString(dir.resolve("layouts.lock"), "type com.example.Job kind 20\n  id long\n");
        final Compilation compilation = compile(lock, job(20, "long id"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitIncompatibleLayout] the layout lock " + lock
            + " is in the Orbit 0.1.0 format, which has no layout versions, offsets or payload capacities");
        assertThat(compilation).hadErrorContaining("rebuild once with -Aorbit.layouts.update=true");
    }

    @Test
    void updateReplacesALockOfOrbit010(@TempDir final Path dir) throws IOException
    {
        final Path lock = Files.writeString(dir.resolve("layouts.lock"), "type com.other.Gone kind 3\n  a int\n");
        final Compilation compilation = javac()
            .withOptions("-Xlint:all", "-Aorbit.layouts=" + lock, "-Aorbit.layouts.update=true")
            .compile(job(20, "int id"));
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(LayoutLock.HEADER + "format 2\ntype com.example.Job kind 20 version 1 payloadCapacity 32\n  id int:0:4@1\n",
            Files.readString(lock));
    }

    @Test
    void updateWritesTheCurrentLayoutsAndKeepsOthers(@TempDir final Path dir) throws IOException
    {
        final Path lock = Files.writeString(dir.resolve("layouts.lock"),
            PUBLISHED + "type com.other.Kept kind 3 version 1 payloadCapacity 32\n  a int:0:4@1\n");
        final Compilation compilation = javac()
            .withOptions("-Xlint:all", "-Aorbit.layouts=" + lock, "-Aorbit.layouts.update=true")
            .compile(job(20, "long id", "State state", "@Length(16) String name", "@Length(4) int[] scores", "@Since(2) double weight"));
        assertThat(compilation).succeededWithoutWarnings();
        final String written = Files.readString(lock);
        assertEquals(LayoutLock.HEADER + String.join("\n",
            "format 2",
            "type com.example.Job kind 20 version 2 payloadCapacity 96",
            "  id long:0:8@1",
            "  state enum8{QUEUED,RUNNING}:8:1@1",
            "  name utf8[16]:9:16@1",
            "  scores int[4]:28:16@1",
            "  weight double:48:8@2",
            "type com.other.Kept kind 3 version 1 payloadCapacity 32",
            "  a int:0:4@1",
            ""), written);
    }

    @Test
    void withoutTheOptionNothingIsChecked()
    {
        assertThat(javac().compile(job(21, "int id"))).succeededWithoutWarnings();
    }
}
