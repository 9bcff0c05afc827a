package io.orbit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.orbit.processor.support.Compilations.classpathWith;
import static io.orbit.processor.support.Compilations.javac;
import static io.orbit.processor.support.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.orbit.processor.support.Compilations;
import io.orbit.processor.support.GeneratingProcessor;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code [OrbitDuplicateKind]} everywhere a second claim can come from: the same compilation, a later
 * round, a jar on the class path (in both orders), and the runtime's reservations. The error sits on
 * the {@code kind = ...} value and names both types.
 */
class DuplicateKindTest
{
    private static JavaFileObject record(final String qualifiedName, final int kind)
    {
        final int dot = qualifiedName.lastIndexOf('.');
        return source(qualifiedName,
            "package " + qualifiedName.substring(0, dot) + ";",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = " + kind + ")",
            "public record " + qualifiedName.substring(dot + 1) + "(int value) {}");
    }

    @Test
    void twoTypesOfOneCompilationEachNameTheOther()
    {
        final JavaFileObject first = record("com.a.First", 12);
        final JavaFileObject second = record("com.b.Second", 12);
        final Compilation compilation = javac().compile(first, second);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
            .hadErrorContaining("[OrbitDuplicateKind] ring KIND 12 of com.a.First is also claimed by com.b.Second in this compilation")
            .inFile(first).onLineContaining("kind = 12");
        assertThat(compilation)
            .hadErrorContaining("[OrbitDuplicateKind] ring KIND 12 of com.b.Second is also claimed by com.a.First in this compilation")
            .inFile(second).onLineContaining("kind = 12");
    }

    @Test
    void threeTypesNameAllOthers()
    {
        final Compilation compilation = javac().compile(record("p.A", 7), record("p.B", 7), record("p.C", 7), record("p.D", 8));
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("ring KIND 7 of p.A is also claimed by p.B, p.C in this compilation");
    }

    @Test
    void aTypeGeneratedInALaterRoundCollidesWithAnEarlierOne()
    {
        final JavaFileObject first = record("com.example.First", 12);
        final Compilation compilation = javac()
            .withProcessors(new OrbitProcessor(), new GeneratingProcessor("com.example.Second",
                "package com.example;",
                "import io.orbit.annotations.OrbitTyped;",
                "@OrbitTyped(kind = 12)",
                "public record Second(long value) {}"))
            .compile(first);
        assertThat(compilation).hadErrorCount(1);
        // A failed compilation hides its generated files from compile-testing, so check the diagnostic directly:
        // it is on the generated Second.java, line 3, "@OrbitTyped(kind = 12)".
        final Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
        assertTrue(error.getMessage(Locale.ROOT).startsWith(
            "[OrbitDuplicateKind] ring KIND 12 of com.example.Second is also claimed by com.example.First"), error::toString);
        assertTrue(error.getSource().getName().endsWith("com/example/Second.java"), error::toString);
        assertEquals(3, error.getLineNumber(), error::toString);
    }

    @Test
    void aRecordWaitsForANestedTypeGeneratedInALaterRound()
    {
        final JavaFileObject outer = source("com.example.Outer",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 20)",
            "public record Outer(byte tag, GenPoint point) {}");
        // The generator runs first: the Orbit processor claims @OrbitTyped, so a processor after it
        // would not be offered the round.
        final Compilation compilation = javac()
            .withProcessors(new GeneratingProcessor("com.example.GenPoint",
                "package com.example;",
                "import io.orbit.annotations.OrbitTyped;",
                "@OrbitTyped(kind = 21)",
                "public record GenPoint(int x, int y) {}"), new OrbitProcessor())
            .compile(outer);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.OuterCodec").contentsAsUtf8String()
            .contains("public static final int POINT_OFFSET = 4;");
        assertThat(compilation).generatedSourceFile("com.example.GenPointCodec").isNotNull();
    }

    @Test
    void aKindReservedByTheRuntimeJarNamesTheRuntimeType()
    {
        final JavaFileObject cache = record("com.example.MyCache", 200);
        final JavaFileObject contest = record("com.example.MyContest", 222);
        final Compilation compilation = javac().compile(cache, contest);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(
                "[OrbitDuplicateKind] ring KIND 200 of com.example.MyCache is reserved by the Orbit runtime for io.orbit.runtime.cache.OrbitCache")
            .inFile(cache).onLineContaining("kind = 200");
        assertThat(compilation).hadErrorContaining(
                "ring KIND 222 of com.example.MyContest is reserved by the Orbit runtime for io.orbit.runtime.contest.Contest")
            .inFile(contest).onLineContaining("kind = 222");
    }

    @Test
    void reservationsComeFromTheRuntimeJarNotFromTheProcessor()
    {
        // Without the runtime on the class path there are no reservations to read, so KIND 200 is
        // only out of the user range: the processor itself hard-codes no reserved KIND.
        final List<File> withoutRuntime = new ArrayList<>();
        for (final File entry : Compilations.systemClasspath())
        {
            if (!entry.getPath().contains("orbit-runtime"))
            {
                withoutRuntime.add(entry);
            }
        }
        final JavaFileObject cache = record("com.example.MyCache", 200);
        final Compilation compilation = javac().withClasspath(withoutRuntime).compile(cache);
        assertThat(compilation).hadErrorContaining("[OrbitKindRange] ring KIND 200 of com.example.MyCache is outside 1..199")
            .inFile(cache).onLineContaining("kind = 200");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void claimsInJarsOnTheClassPathInEitherOrder(final boolean reversed, @TempDir final Path dir)
    {
        final File lib1 = Compilations.jar(compiled(record("com.lib1.Alpha", 12)), dir.resolve("lib1.jar"));
        final File lib2 = Compilations.jar(compiled(record("com.lib2.Beta", 13)), dir.resolve("lib2.jar"));
        final JavaFileObject gamma = record("com.app.Gamma", 12);
        final JavaFileObject delta = record("com.app.Delta", 13);
        final JavaFileObject free = record("com.app.Free", 14);
        final Compilation compilation = javac()
            .withClasspath(reversed ? classpathWith(lib2, lib1) : classpathWith(lib1, lib2))
            .compile(gamma, delta, free);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(
                "[OrbitDuplicateKind] ring KIND 12 of com.app.Gamma is already claimed by com.lib1.Alpha "
                    + "(claim orbit_kinds.K012_com_lib1_Alpha on the class path)")
            .inFile(gamma).onLineContaining("kind = 12");
        assertThat(compilation).hadErrorContaining(
                "[OrbitDuplicateKind] ring KIND 13 of com.app.Delta is already claimed by com.lib2.Beta")
            .inFile(delta).onLineContaining("kind = 13");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whicheverTypeIsCompiledFirstTheSecondIsRefused(final boolean alphaFirst, @TempDir final Path dir)
    {
        final JavaFileObject alpha = record("com.x.Alpha", 30);
        final JavaFileObject beta = record("com.y.Beta", 30);
        final File library = Compilations.jar(compiled(alphaFirst ? alpha : beta), dir.resolve("library.jar"));
        final JavaFileObject app = alphaFirst ? beta : alpha;
        final Compilation compilation = javac().withClasspath(classpathWith(library)).compile(app);
        assertThat(compilation).hadErrorCount(1);
        final String here = alphaFirst ? "com.y.Beta" : "com.x.Alpha";
        final String there = alphaFirst ? "com.x.Alpha" : "com.y.Beta";
        assertThat(compilation)
            .hadErrorContaining("ring KIND 30 of " + here + " is already claimed by " + there)
            .inFile(app).onLineContaining("kind = 30");
    }

    @Test
    void aTypesOwnClaimFromAnEarlierBuildIsNotADuplicate(@TempDir final Path dir)
    {
        // An incremental rebuild compiles Alpha again with the previous output on the class path.
        final File previous = Compilations.jar(compiled(record("com.x.Alpha", 30)), dir.resolve("previous.jar"));
        // javac's own lint warns that the generated files already exist on the class path (as for any
        // processor's output), so this rebuild runs without -Xlint:processing.
        final Compilation again = javac().withOptions(Compilations.LINT_REBUILD).withClasspath(classpathWith(previous))
            .compile(record("com.x.Alpha", 30));
        assertThat(again).succeededWithoutWarnings();

        // Alpha moved to KIND 31 and Beta took 30: the stale claim of Alpha (a type of this
        // compilation) must not block Beta.
        final Compilation moved = javac().withOptions(Compilations.LINT_REBUILD).withClasspath(classpathWith(previous))
            .compile(record("com.x.Alpha", 31), record("com.y.Beta", 30));
        assertThat(moved).succeededWithoutWarnings();
    }

    @Test
    void contestKindsAreANamespaceOfTheirOwn(@TempDir final Path dir)
    {
        final JavaFileObject ringType = record("com.example.Load", 5);
        final JavaFileObject subject = source("com.example.Leader",
            "package com.example;",
            "import io.orbit.annotations.ContestType;",
            "@ContestType(kind = 5) public final class Leader {}");
        final Compilation compilation = javac().compile(ringType, subject);
        assertThat(compilation).succeededWithoutWarnings();
        final String claim = Compilations.generatedSource(compilation, "orbit_kinds.C005_com_example_Leader");
        assertTrue(claim.contains("@KindClaim(\n        namespace = \"contest\",\n        kind = 5,\n        type = \"com.example.Leader\"\n)"),
            claim);

        final JavaFileObject other = source("com.other.Shard",
            "package com.other;",
            "import io.orbit.annotations.ContestType;",
            "@ContestType(kind = 5) public record Shard(int id) {}");
        final File library = Compilations.jar(compilation, dir.resolve("contest.jar"));
        final Compilation clash = javac().withClasspath(classpathWith(library)).compile(other);
        assertThat(clash).hadErrorCount(1);
        assertThat(clash).hadErrorContaining(
                "[OrbitDuplicateKind] contest KIND 5 of com.other.Shard is already claimed by com.example.Leader")
            .inFile(other).onLineContaining("kind = 5");
    }

    @Test
    void twoContestTypesOfOneCompilation()
    {
        final JavaFileObject a = source("com.example.A",
            "package com.example;",
            "import io.orbit.annotations.ContestType;",
            "@ContestType(kind = 9) class A {}");
        final JavaFileObject b = source("com.example.B",
            "package com.example;",
            "import io.orbit.annotations.ContestType;",
            "@ContestType(kind = 9) class B {}");
        final Compilation compilation = javac().compile(a, b);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("contest KIND 9 of com.example.A is also claimed by com.example.B")
            .inFile(a).onLineContaining("kind = 9");
        assertThat(compilation).hadErrorContaining("contest KIND 9 of com.example.B is also claimed by com.example.A")
            .inFile(b).onLineContaining("kind = 9");
    }

    private static Compilation compiled(final JavaFileObject... sources)
    {
        final Compilation compilation = javac().compile(sources);
        assertThat(compilation).succeeded();
        return compilation;
    }
}
