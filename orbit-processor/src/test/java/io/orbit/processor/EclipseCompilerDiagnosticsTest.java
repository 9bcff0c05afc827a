package io.orbit.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orbit.processor.support.GeneratingProcessor;
import io.orbit.processor.support.JavacRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Under the Eclipse compiler (ECJ, what IDE users compile with), run through {@code javax.tools},
 * every tag is reported with a file and the line of its element, even after the cascade of errors
 * ECJ prints for user code that refers to the {@code XOrbital} that was not generated. ECJ's messager
 * cannot place a diagnostic on a record type, so those go on the record's declaration line.
 */
class EclipseCompilerDiagnosticsTest
{
    /**
     * One bad source per tag (plus, where the tag needs it, a second file) and the text of the line
     * the error must be on.
     */
    static Stream<Arguments> badSources()
    {
        return Stream.of(
            Arguments.of("OrbitNotARecord", "@OrbitTyped(kind = 12)", List.<String[]>of(file("Plain",
                "@OrbitTyped(kind = 12)",
                "public class Plain {}")), false),
            Arguments.of("OrbitKindRange", "public record Far", List.<String[]>of(file("Far",
                "@OrbitTyped(",
                "    kind = 300)",
                "public record Far(int a) {}")), false),
            Arguments.of("OrbitDuplicateKind", "public record", List.<String[]>of(
                file("First", "@OrbitTyped(kind = 12)", "public record First(int a) {}"),
                file("Second", "@OrbitTyped(kind = 12)", "public record Second(int a) {}")), false),
            Arguments.of("OrbitUnsupportedType", "String name", List.<String[]>of(file("Named",
                "@OrbitTyped(kind = 12)",
                "public record Named(",
                "    int id,",
                "    String name) {}")), false),
            Arguments.of("OrbitBadLength", "long[] values", List.<String[]>of(file("Samples",
                "@OrbitTyped(kind = 12)",
                "public record Samples(",
                "    long[] values) {}")), false),
            Arguments.of("OrbitBadCapacity", "public record Cap", List.<String[]>of(file("Cap",
                "@OrbitTyped(kind = 12, capacity = 1000)",
                "public record Cap(int a) {}")), false),
            Arguments.of("OrbitPayloadTooLarge", "public record Huge", List.<String[]>of(file("Huge",
                "@OrbitTyped(kind = 12)",
                "public record Huge(int id, @Length(16777216) byte[] blob) {}")), false),
            Arguments.of("OrbitInaccessibleType", "private record Hidden", List.<String[]>of(file("Holder",
                "public class Holder {",
                "  @OrbitTyped(kind = 12)",
                "  private record Hidden(int a) {}",
                "}")), false),
            Arguments.of("OrbitWriteFailed", "public record Taken", List.<String[]>of(file("Taken",
                "@OrbitTyped(kind = 12)",
                "public record Taken(int a) {}")), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSources")
    void everyTagHasAFileAndTheLineOfItsElement(
        final String tag, final String lineText, final List<String[]> files, final boolean codecNameTaken, @TempDir final Path dir)
        throws IOException
    {
        final Path src = dir.resolve("src");
        final List<File> sources = new ArrayList<>();
        for (final String[] file : files)
        {
            JavacRunner.write(src, "com/example/" + file[0] + ".java", Arrays.copyOfRange(file, 1, file.length));
            sources.add(src.resolve("com/example/" + file[0] + ".java").toFile());
        }
        // User code that refers to a generated type: ECJ reports it unresolved before the tags.
        JavacRunner.write(src, "com/example/Use.java", "package com.example;", "class Use { Object orbital = NamedOrbital.class; }");
        sources.add(src.resolve("com/example/Use.java").toFile());

        final List<Processor> processors = codecNameTaken
            ? List.of(new GeneratingProcessor("com.example.TakenCodec", "package com.example;", "final class TakenCodec {}"),
                new OrbitProcessor())
            : List.of(new OrbitProcessor());
        final List<Diagnostic<? extends JavaFileObject>> diagnostics = compileWithEcj(dir, sources, processors);
        final String all = describe(diagnostics);

        final List<Diagnostic<? extends JavaFileObject>> tagged = diagnostics.stream()
            .filter(d -> d.getMessage(Locale.ROOT).startsWith("[" + tag + "]"))
            .toList();
        assertFalse(tagged.isEmpty(), "no [" + tag + "] in:\n" + all);
        for (final Diagnostic<? extends JavaFileObject> diagnostic : tagged)
        {
            assertNotNull(diagnostic.getSource(), "no file for: " + diagnostic.getMessage(Locale.ROOT) + "\nall:\n" + all);
            final Path file = Path.of(diagnostic.getSource().toUri());
            final List<String> lines = Files.readAllLines(file);
            assertTrue(diagnostic.getLineNumber() > 0, "no line for: " + diagnostic.getMessage(Locale.ROOT));
            assertTrue(lines.get((int)diagnostic.getLineNumber() - 1).contains(lineText),
                "[" + tag + "] on line " + diagnostic.getLineNumber() + " of " + file.getFileName() + ", expected the line with '" +
                    lineText + "'\nall:\n" + all);
        }
    }

    private static String[] file(final String name, final String... body)
    {
        final List<String> lines = new ArrayList<>(List.of(name,
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;"));
        lines.addAll(List.of(body));
        return lines.toArray(new String[0]);
    }

    private static List<Diagnostic<? extends JavaFileObject>> compileWithEcj(
        final Path dir, final List<File> sources, final List<Processor> processors) throws IOException
    {
        final JavaCompiler compiler = new EclipseCompiler();
        final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(dir.resolve("generated"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null))
        {
            final JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics,
                List.of("-17", "-proceedOnError", "-classpath", System.getProperty("java.class.path"),
                    "-d", dir.resolve("classes").toString(), "-s", dir.resolve("generated").toString()),
                null, files.getJavaFileObjectsFromFiles(sources));
            task.setProcessors(processors);
            assertFalse(task.call(), "ECJ accepted bad sources:\n" + describe(diagnostics.getDiagnostics()));
        }
        return diagnostics.getDiagnostics();
    }

    private static String describe(final List<Diagnostic<? extends JavaFileObject>> diagnostics)
    {
        return diagnostics.stream()
            .map(d -> d.getKind() + " " + (d.getSource() == null ? "-" : Path.of(d.getSource().toUri()).getFileName()) + ":" +
                d.getLineNumber() + " " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
            .collect(Collectors.joining("\n"));
    }
}
