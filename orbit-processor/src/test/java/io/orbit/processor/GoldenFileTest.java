package io.orbit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.orbit.processor.support.Compilations.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.orbit.processor.support.Compilations;
import io.orbit.processor.support.TestRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated sources, compared as exact text with the files under
 * {@code src/test/resources/golden/}, so javadoc and formatting count, not just the syntax tree.
 * Regenerate after an intended change with {@code mvn test -pl orbit-processor -Dorbit.golden.update=true}
 * and review the diff.
 */
class GoldenFileTest
{
    private static final boolean UPDATE = Boolean.getBoolean("orbit.golden.update");
    private static final Path GOLDEN = Paths.get(System.getProperty("orbit.golden.dir", "src/test/resources/golden"));
    private static Compilation compilation;

    @BeforeAll
    static void compile()
    {
        compilation = javac().compile(TestRecords.workerLoad(), TestRecords.point(), TestRecords.rich(), TestRecords.loadV2());
        assertThat(compilation).succeededWithoutWarnings();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "com.example.WorkerLoadCodec",
        "com.example.WorkerLoadOrbital",
        "orbit_kinds.K012_com_example_WorkerLoad",
        "com.example.RichCodec",
        "com.example.RichOrbital",
        "com.example.PointCodec",
        "com.example.LoadV2Codec"})
    void generatedSourceMatchesItsGoldenFile(final String className) throws IOException
    {
        final String actual = Compilations.generatedSource(compilation, className);
        final Path golden = GOLDEN.resolve(className + ".java.txt");
        if (UPDATE)
        {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
            () -> className + " differs from " + golden.toAbsolutePath() + "; if the change is intended, rerun with"
                + " -Dorbit.golden.update=true and review the diff");
    }
}
