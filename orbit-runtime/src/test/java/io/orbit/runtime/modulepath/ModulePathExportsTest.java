package io.orbit.runtime.modulepath;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the module path the runtime is the automatic module {@code io.orbit.runtime} and Agrona is
 * {@code org.agrona}: {@code =ALL-UNNAMED} does not reach Agrona there, and the error must name the
 * form that does ({@code =org.agrona}), which then works. (The child lives in a package the runtime
 * jar does not hold: a runtime package in a named module hides test classes of that package.)
 */
class ModulePathExportsTest
{
    @TempDir
    Path jars;

    @Test
    void theMissingExportErrorNamesTheModulePathFormWhichThenWorks() throws Exception
    {
        final String modulePath = runtimeJar() + File.pathSeparator + codeSource(UnsafeBuffer.class);
        try (ShmDirectory dir = ShmDirectory.create())
        {
            try (ChildJvm wrong = ChildJvm.start(dir.path(), List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "--module-path", modulePath, "--add-modules", "io.orbit.runtime,org.agrona"), OnModulePath.class, ShmDirectory.uniqueFleetName()))
            {
                assertEquals("io.orbit.runtime", wrong.awaitPrefix("MODULE "));
                final String message = wrong.awaitPrefix("MESSAGE ");
                assertTrue(message.contains("'--add-exports java.base/jdk.internal.misc=org.agrona'"), message);
                assertEquals(0, wrong.awaitExit());
            }
            try (ChildJvm right = ChildJvm.start(dir.path(), List.of("--add-exports", "java.base/jdk.internal.misc=org.agrona",
                "--module-path", modulePath, "--add-modules", "io.orbit.runtime,org.agrona"), OnModulePath.class, ShmDirectory.uniqueFleetName()))
            {
                assertEquals("io.orbit.runtime", right.awaitPrefix("MODULE "));
                assertEquals("joined", right.awaitPrefix("MESSAGE "));
                assertEquals(0, right.awaitExit());
            }
        }
    }

    /** The runtime's classes as a jar named like the real one's manifest names it. */
    private Path runtimeJar() throws IOException, URISyntaxException
    {
        final Path classes = codeSource(Fleet.class);
        if (Files.isRegularFile(classes))
        {
            return classes;
        }
        final Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Automatic-Module-Name", "io.orbit.runtime");
        final Path jar = jars.resolve("orbit-runtime.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> walk = Files.walk(classes))
        {
            for (final Path entry : walk.filter(Files::isRegularFile).toList())
            {
                out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(entry));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path codeSource(final Class<?> type) throws URISyntaxException
    {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Child: which module the runtime is in, and what joining gives. */
    public static final class OnModulePath
    {
        private static void say(final String line)
        {
            System.out.println(line);
            System.out.flush();
        }

        public static void main(final String[] args)
        {
            say("MODULE " + Fleet.class.getModule().getName());
            try (Fleet fleet = Fleet.joinShm(args[0], 1))
            {
                say("MESSAGE joined");
            }
            catch (final RuntimeException ex)
            {
                say("MESSAGE " + ex.getMessage());
            }
            Fleet.removeSegments(args[0]);
        }
    }
}
