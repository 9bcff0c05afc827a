package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.orbit.runtime.ring.CrossProcessSupport.say;
import static org.junit.jupiter.api.Assertions.*;

/**
 * docs/spec.md §1: a JVM started without {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} gets
 * an {@link OrbitException} naming the exact flag at first use, never a bare
 * {@link IllegalAccessError}, and nothing is created in the shared-memory directory.
 */
class CrossProcessMissingExportsTest
{
    private static final String FLAG = "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED";

    @Test
    void jvmWithoutTheAgronaFlagGetsAnOrbitExceptionNamingIt() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create();
            ChildJvm child = ChildJvm.start(dir.path(), List.of(), NoFlag.class, name))
        {
            final String first = child.awaitPrefix("THROWN ");
            final String firstMessage = child.awaitPrefix("MESSAGE ");
            final String second = child.awaitPrefix("THROWN ");
            final String secondMessage = child.awaitPrefix("MESSAGE ");
            assertEquals(0, child.awaitExit());

            assertEquals(OrbitException.class.getName(), first, "the exception class, not IllegalAccessError");
            assertTrue(firstMessage.contains(FLAG), firstMessage);
            assertEquals(OrbitException.class.getName(), second, "every later use fails the same way");
            assertTrue(secondMessage.contains(FLAG), secondMessage);
            try (Stream<Path> files = Files.list(dir.path()))
            {
                assertEquals(List.of(), files.toList(), "nothing may be created before the check");
            }
        }
    }

    /** Child JVM without the flag: {@code fleet}. Tries to join twice and prints what it got. */
    public static final class NoFlag
    {
        public static void main(final String[] args)
        {
            report(() -> Fleet.joinShm(args[0], 1));
            report(() -> Fleet.joinShmAs(args[0], 2, 1));
        }

        private static void report(final Runnable join)
        {
            try
            {
                join.run();
                say("THROWN nothing");
                say("MESSAGE joined without the flag");
            }
            catch (final Throwable t)
            {
                say("THROWN " + t.getClass().getName());
                say("MESSAGE " + String.valueOf(t.getMessage()).replace('\n', ' '));
            }
        }
    }
}
