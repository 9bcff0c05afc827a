package io.orbit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.orbit.processor.support.Compilations.classpathWith;
import static io.orbit.processor.support.Compilations.javac;
import static io.orbit.processor.support.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.orbit.processor.support.Compilations;
import io.orbit.processor.support.GeneratedClasses;
import io.orbit.processor.support.TestRecords;
import java.io.File;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid records compile without a single warning under {@code -Xlint:all}, and so does everything
 * the processor writes for them: codecs, accessors and claims, for top-level, member, unnamed-package
 * and library-nested records.
 */
class CleanCompilationTest
{
    @Test
    void validRecordsCompileWithoutWarnings()
    {
        final Compilation compilation = javac().compile(TestRecords.workerLoad(), TestRecords.point(), TestRecords.rich());
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(0);
        for (final String generated : new String[] {
            "com.example.WorkerLoadCodec", "com.example.WorkerLoadOrbital", "orbit_kinds.K012_com_example_WorkerLoad",
            "com.example.PointCodec", "com.example.PointOrbital", "orbit_kinds.K013_com_example_Point",
            "com.example.RichCodec", "com.example.RichOrbital", "orbit_kinds.K014_com_example_Rich"})
        {
            assertThat(compilation).generatedSourceFile(generated).isNotNull();
        }
    }

    @Test
    void theClaimCarriesKindTypeAndFingerprint()
    {
        final Compilation compilation = javac().compile(TestRecords.workerLoad());
        assertThat(compilation).succeededWithoutWarnings();
        final long fingerprint = (Long)new GeneratedClasses(compilation).constant("com.example.WorkerLoadCodec", "LAYOUT_FINGERPRINT");
        final String claim = Compilations.generatedSource(compilation, "orbit_kinds.K012_com_example_WorkerLoad");
        assertTrue(claim.contains("namespace = \"ring\",\n        kind = 12,\n        type = \"com.example.WorkerLoad\",\n"
            + "        fingerprint = " + String.format("0x%016xL", fingerprint)), claim);
        assertTrue(claim.contains("@Generated(\"io.orbit.processor.OrbitProcessor\")"), claim);
        assertTrue(claim.contains("private K012_com_example_WorkerLoad()"), claim);
    }

    @Test
    void memberRecordsAndTheUnnamedPackage()
    {
        final JavaFileObject outer = source("com.example.Metrics",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "public final class Metrics {",
            "  @OrbitTyped(kind = 40) public record Load(int busy) {}",
            "  @OrbitTyped(kind = 41) record Pair(Load left, Load right) {}",
            "}");
        final JavaFileObject top = source("Top",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 42) record Top(long at) {}");
        final Compilation compilation = javac().compile(outer, top);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.Metrics_LoadCodec").isNotNull();
        assertThat(compilation).generatedSourceFile("com.example.Metrics_PairOrbital").isNotNull();
        assertThat(compilation).generatedSourceFile("orbit_kinds.K040_com_example_Metrics_Load").contentsAsUtf8String()
            .contains("type = \"com.example.Metrics$Load\"");
        assertThat(compilation).generatedSourceFile("TopCodec").isNotNull();
        assertThat(compilation).generatedSourceFile("orbit_kinds.K042_Top").isNotNull();
    }

    @Test
    void aTypeMayBeBothOrbitTypedAndAContestType()
    {
        final JavaFileObject both = source("com.example.Lease",
            "package com.example;",
            "import io.orbit.annotations.ContestType;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 50) @ContestType(kind = 50) public record Lease(long owner) {}");
        final Compilation compilation = javac().compile(both);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("orbit_kinds.K050_com_example_Lease").isNotNull();
        assertThat(compilation).generatedSourceFile("orbit_kinds.C050_com_example_Lease").isNotNull();
    }

    @Test
    void aNestedRecordFromAnotherJarIsReadFromItsClassFile(@TempDir final Path dir)
    {
        final File library = Compilations.jar(compiled(javac(), TestRecords.point(), source("com.example.Tagged",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 15) public record Tagged(@Length(6) String tag, @Length(2) short[] codes, Point at) {}")),
            dir.resolve("geometry.jar"));
        final JavaFileObject user = source("com.user.Track",
            "package com.user;",
            "import com.example.Tagged;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 60) public record Track(byte id, Tagged where) {}");
        final Compilation compilation = compiled(javac().withClasspath(classpathWith(library)), user);
        // Tagged from the jar: tag 0..6, codes 6..10, at aligned to 8 -> 16..32; size 32, alignment 8.
        // Track: id 0, where aligned to 8 -> 8..40; size 40.
        final String codec = Compilations.generatedSource(compilation, "com.user.TrackCodec");
        assertTrue(codec.contains("public static final int WHERE_OFFSET = 8;"), codec);
        assertTrue(codec.contains("public static final int ENCODED_LENGTH = 40;"), codec);
        assertTrue(codec.contains("byte:0:1;record{utf8[6],short[2],record{int,long}}:8:32;"), codec);
        assertTrue(codec.contains("TaggedCodec.encodeValidated(buffer, offset + WHERE_OFFSET, value.where());"), codec);
    }

    @Test
    void aNestedRecordFromAJarWithoutItsCodecIsRefused(@TempDir final Path dir)
    {
        // The library was compiled without the Orbit processor, so it has no PointCodec.
        final File library = Compilations.jar(compiled(Compiler.javac().withOptions(Compilations.LINT), TestRecords.point()),
            dir.resolve("plain.jar"));
        final JavaFileObject user = source("com.user.Path",
            "package com.user;",
            "import com.example.Point;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 61) public record Path(",
            "    Point start) {}");
        final Compilation compilation = javac().withClasspath(classpathWith(library)).compile(user);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(
                "[OrbitUnsupportedType] com.user.Path.start: nested record com.example.Point has no generated com.example.PointCodec")
            .inFile(user).onLineContaining("Point start");
    }

    @Test
    void aNestedRecordWithErrorsMakesItsUserInvalidToo()
    {
        final JavaFileObject broken = source("com.example.Broken",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 70) public record Broken(",
            "    String name) {}");
        final JavaFileObject user = source("com.example.User",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 71) public record User(",
            "    Broken part) {}");
        final Compilation compilation = javac().compile(broken, user);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("com.example.Broken.name: a String has no fixed size")
            .inFile(broken).onLineContaining("String name");
        assertThat(compilation).hadErrorContaining(
                "com.example.User.part: nested record com.example.Broken has no valid layout (com.example.Broken.name: a String has no fixed size)")
            .inFile(user).onLineContaining("Broken part");
    }

    @Test
    void componentNamesThatClashWithGeneratedMembersStillCompileAndWork()
    {
        final JavaFileObject awkward = source("com.example.Awkward",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 80) public record Awkward(",
            "    int decode, int value, int buffer, int offset, int i, int fooBar, int foo_bar,",
            "    @Length(2) int[] getUtf8, @Length(3) String utf8Length, Mode mode, Mode modeOf) {",
            "  public enum Mode { A, B }",
            "}");
        final Compilation compilation = javac().compile(awkward);
        assertThat(compilation).succeededWithoutWarnings();
        final String codec = Compilations.generatedSource(compilation, "com.example.AwkwardCodec");
        // decode(DirectBuffer, int) belongs to the codec, so the reader of "decode" yields; UPPER_SNAKE twins are told apart.
        assertTrue(codec.contains("public static int decode_(final DirectBuffer buffer, final int offset)"), codec);
        assertTrue(codec.contains("public static final int FOO_BAR_OFFSET = 20;"), codec);
        assertTrue(codec.contains("public static final int FOO_BAR_OFFSET_ = 24;"), codec);
        // Readers keep their component names; private helpers move aside.
        assertTrue(codec.contains("public static int getUtf8(final DirectBuffer buffer, final int offset, final int index)"), codec);
        assertTrue(codec.contains("public static String utf8Length(final DirectBuffer buffer, final int offset)"), codec);
        assertTrue(codec.contains("public static Awkward.Mode modeOf(final DirectBuffer buffer, final int offset)"), codec);

        final GeneratedClasses classes = new GeneratedClasses(compilation);
        final Object mode = classes.type("com.example.Awkward$Mode").getEnumConstants()[1];
        final Object value = classes.newRecord("com.example.Awkward", 1, 2, 3, 4, 5, 6, 7, new int[] {8, 9}, "ten", mode, mode);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        classes.call("com.example.AwkwardCodec", "encode", buffer, 0, value);
        final Object decoded = classes.call("com.example.AwkwardCodec", "decode", buffer, 0);
        assertEquals(value.toString().replaceAll("\\[I@\\w+", "[]"), decoded.toString().replaceAll("\\[I@\\w+", "[]"));
        assertEquals(1, classes.call("com.example.AwkwardCodec", "decode_", buffer, 0));
    }

    private static Compilation compiled(final Compiler compiler, final JavaFileObject... sources)
    {
        final Compilation compilation = compiler.compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(Compilation.Status.SUCCESS, compilation.status());
        return compilation;
    }
}
