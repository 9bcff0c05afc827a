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

    /**
     * @return the versioned record of the golden files: version 1 of 8 bytes, version 2 adds a long,
     * a string and an enum, version 3 an array and a nested record; payload capacity 96.
     */
    public static JavaFileObject loadV2()
    {
        return load("LoadV2", 15, 3);
    }

    /**
     * One record at several versions, each version a separate source of the same class.
     *
     * @param name    simple name, in {@code com.example}.
     * @param kind    its KIND.
     * @param version 1, 2 or 3: how many versions of components it has.
     * @return the source.
     */
    public static JavaFileObject load(final String name, final int kind, final int version)
    {
        final java.util.List<String> components = new java.util.ArrayList<>(java.util.List.of("    int busy", "    int idle"));
        if (version >= 2)
        {
            components.addAll(java.util.List.of("    @Since(2) long queued", "    @Since(2) @Length(12) String host", "    @Since(2) Mode mode"));
        }
        if (version >= 3)
        {
            components.addAll(java.util.List.of("    @Since(3) @Length(2) short[] cores", "    @Since(3) Point at"));
        }
        return source("com.example." + name,
            "package com.example;",
            "",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "import io.orbit.annotations.Since;",
            "",
            "/** A record that grew: version " + version + ". */",
            "@OrbitTyped(kind = " + kind + ", payloadCapacity = 96)",
            "public record " + name + "(",
            String.join(",\n", components) + ")",
            "{",
            "    /** Added in version 2. */",
            "    public enum Mode",
            "    {",
            "        NORMAL, DRAINING",
            "    }",
            "}");
    }
}
