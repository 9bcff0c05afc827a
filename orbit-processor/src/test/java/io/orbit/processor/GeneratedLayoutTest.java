package io.orbit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.orbit.processor.support.Compilations.javac;
import static io.orbit.processor.support.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.orbit.processor.model.Fingerprint;
import io.orbit.processor.support.Compilations;
import io.orbit.processor.support.GeneratedClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Offsets and sizes of the generated constants, each computed by hand in the comment next to it,
 * read from the generated classes after a real compilation.
 */
class GeneratedLayoutTest
{
    private static GeneratedClasses classes;
    private static Compilation compilation;

    @BeforeAll
    static void compile()
    {
        final List<JavaFileObject> sources = new ArrayList<>();
        sources.add(record("L1", 31, "byte a, long b, short c"));
        sources.add(record("L2", 32, "boolean a, char b, int c, byte d"));
        sources.add(record("L3", 33, "double a, @Length(3) String b, byte c"));
        sources.add(record("Inner", 34, "short x, int y"));
        sources.add(record("L4", 35, "byte a, Inner in, byte z"));
        sources.add(record("L5", 36, "char a, @Length(3) long[] b, boolean c"));
        sources.add(record("L6", 37, "byte a, Wide e, byte c"));
        sources.add(record("L7", 38, "float a, Narrow n, @Length(5) byte[] bytes, @Length(2) double[] d"));
        sources.add(record("Empty", 39, ""));
        sources.add(source("com.layout.Wide",
            "package com.layout;",
            "public enum Wide { " + IntStream.range(0, 300).mapToObj(i -> "C" + i).collect(Collectors.joining(", ")) + " }"));
        sources.add(source("com.layout.Narrow",
            "package com.layout;",
            "public enum Narrow { A, B }"));
        compilation = javac().compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        classes = new GeneratedClasses(compilation);
    }

    private static JavaFileObject record(final String name, final int kind, final String components)
    {
        return source("com.layout." + name,
            "package com.layout;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = " + kind + ")",
            "public record " + name + "(" + components + ") {}");
    }

    private static void assertLayout(final String record, final int size, final Object... fieldsAndOffsets)
    {
        final String codec = "com.layout." + record + "Codec";
        assertEquals(size, classes.intConstant(codec, "ENCODED_LENGTH"), record + " size");
        for (int i = 0; i < fieldsAndOffsets.length; i += 2)
        {
            final String constant = fieldsAndOffsets[i] + "_OFFSET";
            assertEquals(fieldsAndOffsets[i + 1], classes.intConstant(codec, constant), record + "." + constant);
        }
    }

    @Test
    void primitivesAlignToTheirSize()
    {
        // byte 0; long aligned to 8; short 16; 18 rounded to 8 -> 24.
        assertLayout("L1", 24, "A", 0, "B", 8, "C", 16);
        // boolean 0; char 2; int 4; byte 8; 9 rounded to 4 -> 12.
        assertLayout("L2", 12, "A", 0, "B", 2, "C", 4, "D", 8);
    }

    @Test
    void stringsAndArraysAreFixedBlocks()
    {
        // double 0; 3 string bytes at 8 (alignment 1); byte 11; 12 rounded to 8 -> 16.
        assertLayout("L3", 16, "A", 0, "B", 8, "C", 11);
        // char 0; long[3] aligned to 8 -> 8..32; boolean 32; 33 -> 40.
        assertLayout("L5", 40, "A", 0, "B", 8, "C", 32);
        // float 0; u8 enum 4; byte[5] 5..10; double[2] aligned to 8 -> 16..32; 32.
        assertLayout("L7", 32, "A", 0, "N", 4, "BYTES", 5, "D", 16);
    }

    @Test
    void nestedRecordsAreInlineAtTheirLargestAlignment()
    {
        // Inner(short x, int y): 0, 4, size 8, alignment 4.
        assertLayout("Inner", 8, "X", 0, "Y", 4);
        // byte 0; Inner aligned to 4 -> 4..12; byte 12; 13 rounded to 4 -> 16.
        assertLayout("L4", 16, "A", 0, "IN", 4, "Z", 12);
    }

    @Test
    void enumsWithMoreThan256ConstantsTakeTwoBytes()
    {
        // byte 0; u16 ordinal aligned to 2 -> 2; byte 4; 5 -> 6.
        assertLayout("L6", 6, "A", 0, "E", 2, "C", 4);
    }

    @Test
    void anEmptyRecordEncodesToNothing()
    {
        assertLayout("Empty", 0);
    }

    @Test
    void theFingerprintConstantHashesTheDocumentedText()
    {
        assertEquals(Fingerprint.fnv1a64("byte:0:1;long:8:8;short:16:2;"),
            classes.constant("com.layout.L1Codec", "LAYOUT_FINGERPRINT"));
        assertEquals(Fingerprint.fnv1a64("byte:0:1;record{short,int}:4:8;byte:12:1;"),
            classes.constant("com.layout.L4Codec", "LAYOUT_FINGERPRINT"));
        assertEquals(Fingerprint.fnv1a64("float:0:4;enum8{A,B}:4:1;byte[5]:5:5;double[2]:16:16;"),
            classes.constant("com.layout.L7Codec", "LAYOUT_FINGERPRINT"));
    }

    @Test
    void theGeneratedSourceStatesTheSameConstants()
    {
        final String source = Compilations.generatedSource(compilation, "com.layout.L3Codec");
        for (final String line : new String[] {
            "public static final int ENCODED_LENGTH = 16;",
            "public static final int A_OFFSET = 0;",
            "public static final int B_OFFSET = 8;",
            "public static final int C_OFFSET = 11;",
            " *   <tr><td><i>padding</i></td><td>zero</td><td>12</td><td>4</td></tr>",
            "{@code double:0:8;utf8[3]:8:3;byte:11:1;} (no names, so renaming is free);"})
        {
            assertTrue(source.contains(line), () -> "missing <" + line + "> in\n" + source);
        }
    }
}
