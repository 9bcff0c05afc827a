package io.orbit.processor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import javax.tools.ToolProvider;

/**
 * Plain {@code javax.tools} compilations on real directories, for what compile-testing does not
 * model: module paths, and inspecting the output of a failed compilation.
 */
public final class JavacRunner
{
    private JavacRunner()
    {
    }

    /**
     * The outcome of one javac run.
     *
     * @param success     javac's result.
     * @param diagnostics every diagnostic.
     */
    public record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics)
    {
        /**
         * @return error messages.
         */
        public List<String> errors()
        {
            return diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .toList();
        }

        /**
         * @return every diagnostic with its file and line, for assertion messages.
         */
        public String describe()
        {
            return diagnostics.stream()
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "-" : d.getSource().getName()) + ":" + d.getLineNumber()
                    + " " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        }
    }

    /**
     * Writes a source file under a root directory.
     *
     * @param root     source root.
     * @param relative path under it, e.g. {@code com/a/Alpha.java}.
     * @param lines    the source.
     */
    public static void write(final Path root, final String relative, final String... lines)
    {
        try
        {
            final Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Compiles every {@code .java} file under a directory.
     *
     * @param sources    source root.
     * @param output     class and generated-source output directory.
     * @param options    extra javac options, e.g. {@code --module-path}.
     * @param processors processors to run.
     * @return the outcome.
     */
    public static Result compile(final Path sources, final Path output, final List<String> options, final Processor... processors)
    {
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
            Stream<Path> walk = Files.walk(sources))
        {
            Files.createDirectories(output);
            final List<Path> javaFiles = walk.filter(p -> p.toString().endsWith(".java")).toList();
            final List<String> allOptions = new ArrayList<>(List.of("-d", output.toString(), "-s", output.toString(),
                Compilations.LINT));
            allOptions.addAll(options);
            final JavaCompiler.CompilationTask task = javac.getTask(
                null, files, diagnostics, allOptions, null, files.getJavaFileObjectsFromPaths(javaFiles));
            task.setProcessors(List.of(processors));
            final boolean success = task.call();
            return new Result(success, diagnostics.getDiagnostics());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
