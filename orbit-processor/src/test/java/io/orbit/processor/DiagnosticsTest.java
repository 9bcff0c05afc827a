package io.orbit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.orbit.processor.support.Compilations.javac;
import static io.orbit.processor.support.Compilations.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.orbit.processor.support.JavacRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every check of docs/spec.md §5.4 as a compile error with its tag, on the exact line: the annotation value
 * for KIND and capacity, the annotation for a non-record, the record's backing field for component
 * problems (JDK 17 gives a record component no position at all), the type for the payload size.
 * Runs unchanged on JDK 17 and JDK 25.
 */
class DiagnosticsTest
{
    @Test
    void notARecord()
    {
        final JavaFileObject file = source("com.example.Plain",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "public class Plain {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitNotARecord] @OrbitTyped is on com.example.Plain, which is a class")
            .inFile(file).onLineContaining("@OrbitTyped(kind = 12)");
    }

    @Test
    void notARecordOnInterfaceAndEnum()
    {
        final JavaFileObject iface = source("com.example.Api",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12) interface Api {}");
        final JavaFileObject enumFile = source("com.example.Mode",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 13) enum Mode { A }");
        final Compilation compilation = javac().compile(iface, enumFile);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("which is an interface").inFile(iface).onLineContaining("interface Api");
        assertThat(compilation).hadErrorContaining("which is an enum").inFile(enumFile).onLineContaining("enum Mode");
    }

    @Test
    void kindOutOfRangePointsAtTheValue()
    {
        final JavaFileObject file = source("com.example.Far",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(",
            "    capacity = 64,",
            "    kind = 300)",
            "record Far(int a) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitKindRange] ring KIND 300 of com.example.Far is outside 1..199")
            .inFile(file).onLineContaining("kind = 300");
    }

    @Test
    void zeroAndUnreservedRuntimeKindsAreOutOfRange()
    {
        final JavaFileObject zero = source("com.example.Zero",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 0) record Zero(int a) {}");
        final JavaFileObject unreserved = source("com.example.Unreserved",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 201) record Unreserved(int a) {}");
        final JavaFileObject negative = source("com.example.Negative",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = -1) record Negative(int a) {}");
        final Compilation compilation = javac().compile(zero, unreserved, negative);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[OrbitKindRange] ring KIND 0 of com.example.Zero")
            .inFile(zero).onLineContaining("kind = 0");
        assertThat(compilation).hadErrorContaining("[OrbitKindRange] ring KIND 201 of com.example.Unreserved")
            .inFile(unreserved).onLineContaining("kind = 201");
        assertThat(compilation).hadErrorContaining("[OrbitKindRange] ring KIND -1 of com.example.Negative")
            .inFile(negative).onLineContaining("kind = -1");
    }

    @Test
    void badCapacityPointsAtTheValue()
    {
        final JavaFileObject file = source("com.example.Cap",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12,",
            "    capacity = 1000)",
            "record Cap(int a) {}");
        final JavaFileObject zero = source("com.example.Cap0",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 13, capacity = 0) record Cap0(int a) {}");
        final JavaFileObject negative = source("com.example.CapNeg",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 14, capacity = -1024) record CapNeg(int a) {}");
        final Compilation compilation = javac().compile(file, zero, negative);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[OrbitBadCapacity] capacity 1000 of com.example.Cap is not a positive power of two")
            .inFile(file).onLineContaining("capacity = 1000");
        assertThat(compilation).hadErrorContaining("[OrbitBadCapacity] capacity 0").inFile(zero).onLineContaining("capacity = 0");
        assertThat(compilation).hadErrorContaining("[OrbitBadCapacity] capacity -1024").inFile(negative).onLineContaining("capacity = -1024");
    }

    @Test
    void stringWithoutLengthIsUnsupportedOnItsField()
    {
        final JavaFileObject file = source("com.example.Named",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "record Named(",
            "    int id,",
            "    String name) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitUnsupportedType] com.example.Named.name: a String has no fixed size")
            .inFile(file).onLineContaining("String name");
        assertThat(compilation).hadErrorContaining("Fix: declare it as @Length(n) String");
    }

    @Test
    void unsupportedComponentTypesEachGetTheirOwnErrorAndFix()
    {
        final JavaFileObject file = source("com.example.Bad",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "import java.util.List;",
            "import java.util.Map;",
            "@OrbitTyped(kind = 12)",
            "record Bad(",
            "    Integer boxed,",
            "    List<Integer> items,",
            "    Map<String, Long> byName,",
            "    Object anything,",
            "    @Length(4) String[] names,",
            "    @Length(2) int[][] grid,",
            "    Plain plain,",
            "    java.time.Instant when) {",
            "  record Plain(int x) {}",
            "}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(8);
        assertThat(compilation).hadErrorContaining("com.example.Bad.boxed: java.lang.Integer is a boxed type")
            .inFile(file).onLineContaining("Integer boxed");
        assertThat(compilation).hadErrorContaining("Fix: use the primitive int");
        assertThat(compilation).hadErrorContaining("com.example.Bad.items: java.util.List has a variable length")
            .inFile(file).onLineContaining("List<Integer> items");
        assertThat(compilation).hadErrorContaining("com.example.Bad.byName: java.util.Map has a variable length")
            .inFile(file).onLineContaining("byName");
        assertThat(compilation).hadErrorContaining("com.example.Bad.anything: java.lang.Object has no fixed layout")
            .inFile(file).onLineContaining("Object anything");
        assertThat(compilation).hadErrorContaining("com.example.Bad.names: java.lang.String[] is not an array of a primitive type")
            .inFile(file).onLineContaining("String[] names");
        assertThat(compilation).hadErrorContaining("com.example.Bad.grid: int[][] is not an array of a primitive type")
            .inFile(file).onLineContaining("int[][] grid");
        assertThat(compilation).hadErrorContaining("[OrbitUnsupportedType] com.example.Bad.plain: record com.example.Bad.Plain is not @OrbitTyped")
            .inFile(file).onLineContaining("Plain plain");
        assertThat(compilation).hadErrorContaining("com.example.Bad.when: java.time.Instant has no fixed layout")
            .inFile(file).onLineContaining("Instant when");
    }

    @Test
    void typeVariablesAndGenericRecordsAreUnsupported()
    {
        final JavaFileObject file = source("com.example.Box",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "record Box<T>(",
            "    T content) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[OrbitUnsupportedType] com.example.Box.content: type variable T has no fixed layout")
            .inFile(file).onLineContaining("T content");
        assertThat(compilation).hadErrorContaining("[OrbitUnsupportedType] com.example.Box has type parameters")
            .inFile(file).onLineContaining("record Box<T>");
    }

    @Test
    void nestingCyclesAreReportedNotRecursedInto()
    {
        final JavaFileObject self = source("com.example.Node",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "record Node(int value,",
            "    Node next) {}");
        final JavaFileObject a = source("com.example.A",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 13)",
            "record A(",
            "    B b) {}");
        final JavaFileObject b = source("com.example.B",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 14)",
            "record B(",
            "    A a) {}");
        final JavaFileObject c = source("com.example.C",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 15)",
            "record C(",
            "    A inner) {}");
        final Compilation compilation = javac().compile(self, a, b, c);
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining(
                "com.example.Node.next: records nest in a cycle (com.example.Node -> com.example.Node)")
            .inFile(self).onLineContaining("Node next");
        assertThat(compilation).hadErrorContaining("com.example.A.b: records nest in a cycle")
            .inFile(a).onLineContaining("B b");
        assertThat(compilation).hadErrorContaining("com.example.B.a: records nest in a cycle")
            .inFile(b).onLineContaining("A a");
        assertThat(compilation).hadErrorContaining("com.example.C.inner: records nest in a cycle")
            .inFile(c).onLineContaining("A inner");
    }

    @Test
    void lengthMissingOnAnArray()
    {
        final JavaFileObject file = source("com.example.Samples",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "record Samples(",
            "    long[] values) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitBadLength] com.example.Samples.values: the array long[] has no @Length")
            .inFile(file).onLineContaining("long[] values");
    }

    @Test
    void lengthNotPositiveOrOnATypeThatTakesNone()
    {
        final JavaFileObject file = source("com.example.Lengths",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "record Lengths(",
            "    @Length(0) String empty,",
            "    @Length(-3) int[] negative,",
            "    @Length(4) int scalar,",
            "    @Length(2) Mode mode) {",
            "  enum Mode { ON, OFF }",
            "}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining("[OrbitBadLength] com.example.Lengths.empty: @Length(0) is not positive")
            .inFile(file).onLineContaining("String empty");
        assertThat(compilation).hadErrorContaining("[OrbitBadLength] com.example.Lengths.negative: @Length(-3) is not positive")
            .inFile(file).onLineContaining("int[] negative");
        assertThat(compilation).hadErrorContaining("[OrbitBadLength] com.example.Lengths.scalar: @Length does not apply to int")
            .inFile(file).onLineContaining("int scalar");
        assertThat(compilation).hadErrorContaining("[OrbitBadLength] com.example.Lengths.mode: @Length does not apply to com.example.Lengths.Mode")
            .inFile(file).onLineContaining("Mode mode");
    }

    @Test
    void payloadTooLargeNamesSizeAndRuntimeLimit()
    {
        final JavaFileObject file = source("com.example.Huge",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "record Huge(int id, @Length(16777216) byte[] blob) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        // 4 + 16 MiB = 16777220 bytes; RingLayout.MAX_PAYLOAD_CAPACITY is 1 << 24 = 16777216.
        assertThat(compilation).hadErrorContaining(
                "[OrbitPayloadTooLarge] com.example.Huge encodes to 16777220 bytes, more than the 16777216 bytes")
            .inFile(file).onLineContaining("record Huge");
    }

    @Test
    void payloadSizeIsMeasuredWithoutIntOverflow()
    {
        final JavaFileObject file = source("com.example.Overflow",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "record Overflow(@Length(2147483647) long[] a, @Length(2147483647) long[] b) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitPayloadTooLarge] com.example.Overflow encodes to 34359738352 bytes")
            .inFile(file).onLineContaining("record Overflow");
    }

    @Test
    void sinceMustBePositiveAndNeverDecreaseOnTheComponent()
    {
        final JavaFileObject file = source("com.example.Versions",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "import io.orbit.annotations.Since;",
            "@OrbitTyped(kind = 12, payloadCapacity = 64)",
            "record Versions(",
            "    int a,",
            "    @Since(0) int zero,",
            "    @Since(3) int third,",
            "    @Since(2) int second) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[OrbitBadSince] com.example.Versions.zero: @Since(0) is not positive")
            .inFile(file).onLineContaining("int zero");
        assertThat(compilation).hadErrorContaining(
                "[OrbitBadSince] com.example.Versions.second: @Since(2) is lower than @Since(3) of third before it")
            .inFile(file).onLineContaining("int second");
    }

    @Test
    void aVersionThatNoLongerFitsThePayloadCapacityIsRefusedOnTheComponent()
    {
        // Version 1 is 8 bytes, so the default payload capacity is roundUp(32 + 8, 64) - 32 = 32 bytes;
        // version 2 ends at 8 + 8 + 24 = 40.
        final JavaFileObject file = source("com.example.Grown",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "import io.orbit.annotations.Since;",
            "@OrbitTyped(kind = 12)",
            "record Grown(",
            "    int busy,",
            "    int idle,",
            "    @Since(2) long queued,",
            "    @Since(2) @Length(24) String note) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitPayloadTooLarge] com.example.Grown: note (@Since(2)) ends at byte 40"
                + " and version 2 encodes to 40 bytes, more than the ring's payload capacity of 32 bytes"
                + " (the default for a version 1 of 8 bytes)")
            .inFile(file).onLineContaining("String note");
    }

    @Test
    void aDeclaredPayloadCapacityMustHoldVersionOneAndStayWithinTheRuntimeLimit()
    {
        final JavaFileObject small = source("com.example.Small",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12,",
            "    payloadCapacity = 4)",
            "record Small(int a, long b) {}");
        final JavaFileObject huge = source("com.example.Roomy",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 13,",
            "    payloadCapacity = 16777217)",
            "record Roomy(int a) {}");
        final JavaFileObject negative = source("com.example.Negative",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 14,",
            "    payloadCapacity = -2)",
            "record Negative(int a) {}");
        final Compilation compilation = javac().compile(small, huge, negative);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(
                "[OrbitBadPayloadCapacity] payloadCapacity 4 of com.example.Small is smaller than the 16 bytes of version 1")
            .inFile(small).onLineContaining("payloadCapacity = 4");
        assertThat(compilation).hadErrorContaining("[OrbitBadPayloadCapacity] payloadCapacity 16777217 of com.example.Roomy"
                + " is more than the 16777216 bytes the Orbit runtime allows in one slot payload")
            .inFile(huge).onLineContaining("payloadCapacity = 16777217");
        assertThat(compilation).hadErrorContaining("[OrbitBadPayloadCapacity] payloadCapacity -2 of com.example.Negative is negative")
            .inFile(negative).onLineContaining("payloadCapacity = -2");
    }

    @Test
    void privateRecordsCannotBeReachedByGeneratedCode()
    {
        final JavaFileObject file = source("com.example.Holder",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "class Holder {",
            "  @OrbitTyped(kind = 12)",
            "  private record Hidden(int a) {}",
            "}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitInaccessibleType] com.example.Holder.Hidden is private")
            .inFile(file).onLineContaining("private record Hidden");
    }

    @Test
    void everyProblemOfOneRecordIsReported()
    {
        final JavaFileObject file = source("com.example.Many",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 250, capacity = 3)",
            "record Many(",
            "    String a,",
            "    Long b,",
            "    short[] c) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(5);
        assertThat(compilation).hadErrorContaining("[OrbitKindRange]").inFile(file).onLineContaining("kind = 250");
        assertThat(compilation).hadErrorContaining("[OrbitBadCapacity]").inFile(file).onLineContaining("capacity = 3");
        assertThat(compilation).hadErrorContaining("[OrbitUnsupportedType] com.example.Many.a").inFile(file).onLineContaining("String a");
        assertThat(compilation).hadErrorContaining("[OrbitUnsupportedType] com.example.Many.b").inFile(file).onLineContaining("Long b");
        assertThat(compilation).hadErrorContaining("[OrbitBadLength] com.example.Many.c").inFile(file).onLineContaining("short[] c");
    }

    @Test
    void nothingIsWrittenForAnInvalidTypeWhileValidTypesAreWritten(@TempDir final Path dir)
    {
        JavacRunner.write(dir.resolve("src"), "com/example/Many.java",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12) record Many(String a) {}");
        JavacRunner.write(dir.resolve("src"), "com/example/Fine.java",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 13) record Fine(int a) {}");
        final JavacRunner.Result result = JavacRunner.compile(dir.resolve("src"), dir.resolve("out"), List.of(), new OrbitProcessor());
        assertEquals(List.of("[OrbitUnsupportedType]"), result.errors().stream().map(e -> e.substring(0, e.indexOf(']') + 1)).toList(),
            result::describe);
        assertFalse(Files.exists(dir.resolve("out/com/example/ManyCodec.java")));
        assertFalse(Files.exists(dir.resolve("out/com/example/ManyOrbital.java")));
        assertFalse(Files.exists(dir.resolve("out/orbit_kinds/K012_com_example_Many.java")));
        assertTrue(Files.exists(dir.resolve("out/com/example/FineCodec.java")));
        assertTrue(Files.exists(dir.resolve("out/orbit_kinds/K013_com_example_Fine.java")));
    }

    @Test
    void contestKindRange()
    {
        final JavaFileObject file = source("com.example.Subject",
            "package com.example;",
            "import io.orbit.annotations.ContestType;",
            "@ContestType(",
            "    kind = 256)",
            "final class Subject {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitKindRange] contest KIND 256 of com.example.Subject is outside 1..255")
            .inFile(file).onLineContaining("kind = 256");
    }
}
