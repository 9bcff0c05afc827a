package io.orbit.processor.support;

import static io.orbit.processor.support.Compilations.source;

import javax.tools.JavaFileObject;

/**
 * The records the golden files and behaviour tests are generated from.
 */
public final class TestRecords
{
    private TestRecords()
    {
    }

    /**
     * @return the small record of the golden files.
     */
    public static JavaFileObject workerLoad()
    {
        return source("com.example.WorkerLoad",
            "package com.example;",
            "",
            "import io.orbit.annotations.OrbitTyped;",
            "",
            "@OrbitTyped(kind = 12)",
            "record WorkerLoad(int busy, int idle) {}");
    }

    /**
     * @return a nested record for {@link #rich()}.
     */
    public static JavaFileObject point()
    {
        return source("com.example.Point",
            "package com.example;",
            "",
            "import io.orbit.annotations.OrbitTyped;",
            "",
            "/** A nested record: laid out inline, 16 bytes aligned to 8. */",
            "@OrbitTyped(kind = 13)",
            "public record Point(int x, long y) {}");
    }

    /**
     * @return the rich record of the golden files: every primitive, an enum, a nested record, a
     * {@code @Length} string and a {@code @Length} array.
     */
    public static JavaFileObject rich()
    {
        return source("com.example.Rich",
            "package com.example;",
            "",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "",
            "@OrbitTyped(kind = 14, capacity = 256, topology = OrbitTyped.Topology.SHARED)",
            "public record Rich(",
            "    boolean flag,",
            "    byte b,",
            "    char c,",
            "    short s,",
            "    int i,",
            "    long l,",
            "    float f,",
            "    double d,",
            "    Color color,",
            "    Point pos,",
            "    @Length(16) String name,",
            "    @Length(4) int[] scores)",
            "{",
            "    /** A small enum, encoded as an unsigned byte. */",
            "    public enum Color",
            "    {",
            "        RED, GREEN, BLUE",
            "    }",
            "}");
    }
}
