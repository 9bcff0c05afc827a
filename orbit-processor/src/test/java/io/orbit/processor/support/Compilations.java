package io.orbit.processor.support;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.orbit.processor.OrbitProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;

/**
 * Shared compile-testing plumbing: the processor with strict lint, sources, class outputs, jars.
 */
public final class Compilations
{
    /** Every lint, {@code processing} included: the processor claims every Orbit annotation, so
     * javac has no "No processor claimed" warning to give. */
    public static final String LINT = "-Xlint:all";

    /** For a rebuild with the previous output on the class path: javac's {@code processing} lint then
     * warns that each generated file "already exists on the sourcepath or classpath", whatever the
     * processor; everything else stays strict. */
    public static final String LINT_REBUILD = "-Xlint:all,-processing";

    private Compilations()
    {
    }

    /**
     * @return javac with the Orbit processor and strict lint, on the test class path (which holds
     * the annotations and the runtime jar, and so the runtime's reserved-KIND claims).
     */
    public static Compiler javac()
    {
        return Compiler.javac().withProcessors(new OrbitProcessor()).withOptions(LINT);
    }

    /**
     * @param qualifiedName the type's name.
     * @param lines         source lines.
     * @return a source file object.
     */
    public static JavaFileObject source(final String qualifiedName, final String... lines)
    {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /**
     * @return the entries of this JVM's class path.
     */
    public static List<File> systemClasspath()
    {
        final List<File> files = new ArrayList<>();
        for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator))
        {
            if (!entry.isEmpty())
            {
                files.add(new File(entry));
            }
        }
        return files;
    }

    /**
     * @param first entries to put first.
     * @return those entries followed by this JVM's class path.
     */
    public static List<File> classpathWith(final File... first)
    {
        final List<File> files = new ArrayList<>(List.of(first));
        files.addAll(systemClasspath());
        return files;
    }

    /**
     * @param compilation a successful compilation.
     * @return its class files by binary name.
     */
    public static Map<String, byte[]> classFiles(final Compilation compilation)
    {
        final Map<String, byte[]> classes = new LinkedHashMap<>();
        for (final JavaFileObject file : compilation.generatedFiles())
        {
            if (file.getKind() == JavaFileObject.Kind.CLASS)
            {
                final String path = file.toUri().getPath();
                final String relative = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
                classes.put(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'), bytes(file));
            }
        }
        return classes;
    }

    /**
     * @param compilation a successful compilation.
     * @param jar         the jar to write.
     * @return the jar, holding every class file of the compilation (a "library").
     */
    public static File jar(final Compilation compilation, final Path jar)
    {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)))
        {
            for (final Map.Entry<String, byte[]> entry : classFiles(compilation).entrySet())
            {
                out.putNextEntry(new JarEntry(entry.getKey().replace('.', '/') + ".class"));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return jar.toFile();
    }

    /**
     * @param compilation a compilation.
     * @param className   a generated source's qualified name.
     * @return its exact text.
     */
    public static String generatedSource(final Compilation compilation, final String className)
    {
        final JavaFileObject file = compilation.generatedSourceFile(className)
            .orElseThrow(() -> new AssertionError("no generated source " + className + " in " + compilation.generatedSourceFiles()));
        try
        {
            return file.getCharContent(true).toString();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] bytes(final JavaFileObject file)
    {
        try (InputStream in = file.openInputStream())
        {
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
