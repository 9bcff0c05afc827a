package io.orbit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orbit.processor.support.Compilations;
import io.orbit.processor.support.JavacRunner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate KINDs across named modules: each module keeps its claims in its own package
 * {@code orbit_kinds.<module>}, and the processor probes that package in every module of the module
 * graph. Real javac runs with {@code --module-path}: the annotations, runtime and Agrona jars are
 * automatic modules, libraries are exploded modules.
 */
class ModulePathTest
{
    @TempDir
    static Path shared;
    private static String jars;

    @BeforeAll
    static void automaticModules()
    {
        final List<String> paths = new ArrayList<>();
        for (final File entry : Compilations.systemClasspath())
        {
            final String path = entry.getPath();
            if (path.contains("orbit-annotations"))
            {
                paths.add(asJar(entry, "orbit-annotations.jar"));
            }
            else if (path.contains("orbit-runtime"))
            {
                paths.add(asJar(entry, "orbit-runtime.jar"));
            }
            else if (path.contains("agrona"))
            {
                paths.add(asJar(entry, "agrona.jar"));
            }
        }
        assertEquals(3, paths.size(), () -> "annotations, runtime and agrona on the class path: " + paths);
        jars = String.join(File.pathSeparator, paths);
    }

    private static void library(final Path root, final String module, final String pkg, final String type, final int kind)
    {
        JavacRunner.write(root, "module-info.java",
            "module " + module + " {",
            "    requires io.orbit.annotations;",
            "    requires io.orbit.runtime;",
            "    requires org.agrona;",
            "    exports " + pkg + ";",
            "}");
        JavacRunner.write(root, pkg.replace('.', '/') + "/" + type + ".java",
            "package " + pkg + ";",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = " + kind + ")",
            "public record " + type + "(int value) {}");
    }

    private static JavacRunner.Result compile(final Path src, final Path out, final String modulePath, final String... extra)
    {
        final List<String> options = new ArrayList<>(List.of("--module-path", modulePath));
        options.addAll(List.of(extra));
        return JavacRunner.compile(src, out, options, new OrbitProcessor());
    }

    @Test
    void claimsOfEachModuleLiveInTheirOwnPackage(@TempDir final Path dir)
    {
        library(dir.resolve("lib"), "lib.alpha", "com.alpha", "Alpha", 12);
        final JavacRunner.Result result = compile(dir.resolve("lib"), dir.resolve("lib-out"), jars);
        assertTrue(result.success(), result::describe);
        assertTrue(Files.exists(dir.resolve("lib-out/orbit_kinds/lib_alpha/K012_com_alpha_Alpha.class")), result::describe);
        assertTrue(Files.exists(dir.resolve("lib-out/com/alpha/AlphaCodec.class")), result::describe);
    }

    @Test
    void aDuplicateInARequiredModuleIsFound(@TempDir final Path dir)
    {
        library(dir.resolve("lib"), "lib.alpha", "com.alpha", "Alpha", 12);
        assertTrue(compile(dir.resolve("lib"), dir.resolve("lib-out"), jars).success());
        library(dir.resolve("lib2"), "lib.beta", "com.beta", "Beta", 13);
        assertTrue(compile(dir.resolve("lib2"), dir.resolve("lib2-out"), jars).success());

        final Path app = dir.resolve("app");
        JavacRunner.write(app, "module-info.java",
            "module app.gamma {",
            "    requires lib.alpha;",
            "    requires lib.beta;",
            "    requires io.orbit.annotations;",
            "    requires io.orbit.runtime;",
            "    requires org.agrona;",
            "}");
        JavacRunner.write(app, "com/gamma/Gamma.java",
            "package com.gamma;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "public record Gamma(int value) {}");
        JavacRunner.write(app, "com/gamma/Delta.java",
            "package com.gamma;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 13)",
            "public record Delta(int value) {}");
        JavacRunner.write(app, "com/gamma/Reserved.java",
            "package com.gamma;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 221)",
            "public record Reserved(int value) {}");
        final String modulePath = String.join(File.pathSeparator, jars, dir.resolve("lib-out").toString(), dir.resolve("lib2-out").toString());
        final JavacRunner.Result result = compile(app, dir.resolve("app-out"), modulePath);
        assertEquals(List.of(
                "[OrbitDuplicateKind] ring KIND 12 of com.gamma.Gamma is already claimed by com.alpha.Alpha "
                    + "(claim orbit_kinds.lib_alpha.K012_com_alpha_Alpha on the module path (module lib.alpha))",
                "[OrbitDuplicateKind] ring KIND 13 of com.gamma.Delta is already claimed by com.beta.Beta "
                    + "(claim orbit_kinds.lib_beta.K013_com_beta_Beta on the module path (module lib.beta))",
                "[OrbitDuplicateKind] ring KIND 221 of com.gamma.Reserved is reserved by the Orbit runtime for "
                    + "io.orbit.runtime.heartbeat.FleetHeartbeat"),
            summaries(result),
            result::describe);
    }

    @Test
    void severalModulesInOneCompilationEachGetTheirClaimsAndShareTheCheck(@TempDir final Path dir)
    {
        final Path src = dir.resolve("src");
        library(src.resolve("lib.alpha"), "lib.alpha", "com.alpha", "Alpha", 12);
        application(src.resolve("app.gamma"), "app.gamma", "lib.alpha", 13);
        final List<String> options = List.of("--module-path", jars, "--module-source-path", src.toString());
        final JavacRunner.Result distinct = JavacRunner.compile(src, dir.resolve("out"), options, new OrbitProcessor());
        assertTrue(distinct.success(), distinct::describe);
        assertTrue(Files.exists(dir.resolve("out/lib.alpha/orbit_kinds/lib_alpha/K012_com_alpha_Alpha.class")), distinct::describe);
        assertTrue(Files.exists(dir.resolve("out/app.gamma/orbit_kinds/app_gamma/K013_com_gamma_Gamma.class")), distinct::describe);

        application(src.resolve("app.gamma"), "app.gamma", "lib.alpha", 12);
        final JavacRunner.Result clash = JavacRunner.compile(src, dir.resolve("out2"), options, new OrbitProcessor());
        assertEquals(List.of(
                "[OrbitDuplicateKind] ring KIND 12 of com.alpha.Alpha is also claimed by com.gamma.Gamma in this compilation",
                "[OrbitDuplicateKind] ring KIND 12 of com.gamma.Gamma is also claimed by com.alpha.Alpha in this compilation"),
            summaries(clash), clash::describe);
    }

    @Test
    void aModuleOutsideTheModuleGraphIsSeenOnlyOnceAdded(@TempDir final Path dir)
    {
        // Documented limitation: only modules javac resolves are visible to any compile-time check.
        library(dir.resolve("lib"), "lib.alpha", "com.alpha", "Alpha", 12);
        assertTrue(compile(dir.resolve("lib"), dir.resolve("lib-out"), jars).success());
        application(dir.resolve("app"), "app.gamma", null, 12);
        final String modulePath = String.join(File.pathSeparator, jars, dir.resolve("lib-out").toString());

        final JavacRunner.Result unresolved = compile(dir.resolve("app"), dir.resolve("out1"), modulePath);
        assertTrue(unresolved.success(), unresolved::describe);

        final JavacRunner.Result added = compile(dir.resolve("app"), dir.resolve("out2"), modulePath, "--add-modules", "lib.alpha");
        assertEquals(List.of("[OrbitDuplicateKind] ring KIND 12 of com.gamma.Gamma is already claimed by com.alpha.Alpha "
                + "(claim orbit_kinds.lib_alpha.K012_com_alpha_Alpha on the module path (module lib.alpha))"),
            summaries(added), added::describe);
    }

    @Test
    void blindSpotsBetweenTheClassPathAndTheModulePath(@TempDir final Path dir)
    {
        // A library compiled on the class path keeps its claims in the flat package orbit_kinds.
        JavacRunner.write(dir.resolve("flat"), "com/flat/Flat.java",
            "package com.flat;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "public record Flat(int value) {}");
        final JavacRunner.Result flat = JavacRunner.compile(dir.resolve("flat"), dir.resolve("flat-out"), List.of(), new OrbitProcessor());
        assertTrue(flat.success(), flat::describe);
        application(dir.resolve("app"), "app.gamma", null, 12);

        // 1. Named module, flat library on its class path: JPMS ignores a class-path package that a
        //    named module (here the runtime, with its reservations) also holds, so the claim is hidden.
        final JavacRunner.Result hidden = compile(dir.resolve("app"), dir.resolve("out1"), jars,
            "--class-path", dir.resolve("flat-out").toString());
        assertTrue(hidden.success(), hidden::describe);

        // 2. The same flat library as an automatic module next to the runtime: a split package,
        //    which javac refuses (and the JVM would refuse at start-up).
        final String flatJar = asJar(dir.resolve("flat-out").toFile(), "flatlib.jar");
        final JavacRunner.Result split = compile(dir.resolve("app"), dir.resolve("out2"), jars + File.pathSeparator + flatJar,
            "--add-modules", "flatlib");
        assertTrue(split.errors().stream().anyMatch(error -> error.contains("reads package orbit_kinds from both")), split::describe);

        // 3. A modular library on the class path of a class-path application: its claims sit in
        //    orbit_kinds.lib_alpha, and javax.lang.model cannot list sub-packages, so they are not found.
        library(dir.resolve("lib"), "lib.alpha", "com.alpha", "Alpha", 12);
        assertTrue(compile(dir.resolve("lib"), dir.resolve("lib-out"), jars).success());
        JavacRunner.write(dir.resolve("cp-app"), "com/cp/Cp.java",
            "package com.cp;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "public record Cp(int value) {}");
        final JavacRunner.Result unlisted = JavacRunner.compile(dir.resolve("cp-app"), dir.resolve("out3"),
            List.of("--class-path", System.getProperty("java.class.path") + File.pathSeparator + dir.resolve("lib-out")),
            new OrbitProcessor());
        assertTrue(unlisted.success(), unlisted::describe);
    }

    private static void application(final Path root, final String module, final String requires, final int kind)
    {
        JavacRunner.write(root, "module-info.java",
            "module " + module + " {",
            requires == null ? "" : "    requires " + requires + ";",
            "    requires io.orbit.annotations;",
            "    requires io.orbit.runtime;",
            "    requires org.agrona;",
            "}");
        JavacRunner.write(root, "com/gamma/Gamma.java",
            "package com.gamma;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = " + kind + ")",
            "public record Gamma(int value) {}");
    }

    private static List<String> summaries(final JavacRunner.Result result)
    {
        return result.errors().stream()
            .map(error -> error.contains(". Fix:") ? error.substring(0, error.indexOf(". Fix:")) : error)
            .sorted()
            .toList();
    }

    private static String asJar(final File entry, final String name)
    {
        if (entry.isFile())
        {
            return entry.getPath();
        }
        // A reactor build puts target/classes on the class path; a module path needs a jar to
        // derive the automatic module name from.
        final Path jar = shared.resolve(name);
        final Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        // The module name the real jar's manifest declares (the pom's orbit.module.name).
        manifest.getMainAttributes().putValue("Automatic-Module-Name", "io.orbit." + name.substring("orbit-".length(), name.length() - 4));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
            Stream<Path> walk = Files.walk(entry.toPath()))
        {
            for (final Path file : walk.filter(Files::isRegularFile).toList())
            {
                out.putNextEntry(new JarEntry(entry.toPath().relativize(file).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return jar.toString();
    }
}
