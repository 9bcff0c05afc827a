package io.orbit.cli;

import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's lifecycle events reach {@link System.Logger} (captured by {@link RecordingLoggerFinder}
 * in a child JVM): lease acquired, taken over, released; segment created, attached, refused; reset; clean.
 */
class LifecycleLogTest
{
    @Test
    void everyLifecycleEventIsLogged()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory shm = ShmDirectory.create();
             ChildJvm child = ChildJvm.start(shm.path(), LifecycleLogChild.class, name))
        {
            child.awaitPrefix("END");
            final List<String> logs = child.output().stream().filter(line -> line.startsWith("LOG ")).toList();
            final String dir = shm.path().toString();
            expect(logs, "LOG DEBUG acquired the lease of node 0 of fleet " + name);
            expect(logs, "LOG INFO took over (last holder pid 2147483646 is gone) the lease of node 1 of fleet " + name);
            expect(logs, "LOG DEBUG created segment " + dir + "/orbit-" + name + "-40-");
            expect(logs, "LOG DEBUG attached to segment " + dir + "/orbit-" + name + "-40-");
            expect(logs, "LOG WARNING refused segment " + dir + "/orbit-" + name + "x-40-");
            expect(logs, "LOG INFO reset ring KIND 40 of fleet " + name + " (" + dir + "/orbit-" + name + "-40-");
            expect(logs, "LOG DEBUG released lease " + dir + "/orbit-" + name + "-node0-");
            expect(logs, "LOG DEBUG removed ");
            assertTrue(logs.stream().anyMatch(l -> l.matches("LOG DEBUG removed \\d+ files of fleet " + name + " from " + dir)), logs::toString);
        }
    }

    private static void expect(final List<String> logs, final String prefix)
    {
        assertTrue(logs.stream().anyMatch(line -> line.startsWith(prefix)), () -> "no '" + prefix + "' in " + logs);
    }
}
