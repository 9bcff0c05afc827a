package io.orbit.runtime.reliability;

import io.orbit.runtime.exceptions.InsufficientShmSpaceException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full tmpfs (Docker's default /dev/shm is 64 MB) fails at join with
 * {@link InsufficientShmSpaceException} naming the directory, the bytes and the fixes, never with
 * SIGBUS or InternalError at a later write: a child JVM fills a 2 MB tmpfs with rings until a
 * join is refused, then writes every slot of every ring it got and exits normally.
 */
class FullShmTest
{
    @Test
    void fullTmpfsRefusesAtJoinAndEveryCreatedRingStaysWritable() throws Exception
    {
        assumeTrue("root".equals(System.getProperty("user.name")),
            "SKIPPED: needs root to mount a 2 MB tmpfs; running as " + System.getProperty("user.name"));
        final Path mount = Files.createTempDirectory("orbit-tmpfs-");
        final Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", mount.toString())
            .redirectErrorStream(true).start();
        final String mountOutput = new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mounting.waitFor() != 0)
        {
            Files.delete(mount);
            assumeTrue(false, "SKIPPED: cannot mount a tmpfs here (no CAP_SYS_ADMIN?): " + mountOutput);
        }
        try (ChildJvm child = ChildJvm.start(mount, FillingChild.class, ShmDirectory.uniqueFleetName()))
        {
            final String refused = child.awaitPrefix("REFUSED ");
            final String wrote = child.awaitPrefix("WROTE ");
            final int exit = child.awaitExit();
            System.out.println("FullShmTest child: " + refused + " / " + wrote + " / exit " + exit);
            assertEquals(0, exit, "the child must exit normally (no SIGBUS, no InternalError): " + refused);
            assertTrue(refused.startsWith(InsufficientShmSpaceException.class.getName() + "|"), refused);
            assertTrue(refused.contains(mount.toString()) && refused.contains("bytes free") && refused.contains("--shm-size")
                && refused.contains("orbit.shm.dir"), () -> "the refusal must name the directory, the bytes and the fixes: " + refused);
            assertTrue(Integer.parseInt(wrote) > 0, "some rings fit before the refusal: " + wrote);
            try (var files = Files.list(mount))
            {
                assertTrue(files.map(Path::toString).noneMatch(name -> name.endsWith(".tmp")), "no temporary file may stay behind");
            }
        }
        finally
        {
            final Process unmount = new ProcessBuilder("umount", mount.toString()).inheritIO().start();
            assertEquals(0, unmount.waitFor(), "umount " + mount);
            Files.delete(mount);
        }
    }

    /**
     * Child: {@code fleet}. Opens ~230 KB rings in {@code orbit.shm.dir} until a join is refused,
     * prints {@code REFUSED class|message}, then fills every slot of every ring it got (every
     * page written) and prints {@code WROTE rings}.
     */
    public static final class FillingChild
    {
        public static void main(final String[] args)
        {
            try (Fleet fleet = Fleet.joinShm(args[0], 1))
            {
                final List<Ring> rings = new ArrayList<>();
                try
                {
                    for (int kind = 1; kind < 200; kind++)
                    {
                        rings.add(fleet.ring(RingSpec.perNode(kind, 1024, 200)));
                    }
                    System.out.println("REFUSED nothing: 199 rings fit into 2 MB");
                }
                catch (final RuntimeException ex)
                {
                    System.out.println("REFUSED " + ex.getClass().getName() + "|" + ex.getMessage());
                }
                final byte[] payload = new byte[200];
                for (final Ring ring : rings)
                {
                    for (int i = 0; i < ring.capacity(); i++)
                    {
                        ring.publish(1, i, payload);
                    }
                }
                System.out.println("WROTE " + rings.size());
            }
        }
    }
}
