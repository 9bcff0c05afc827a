package io.orbit.runtime.reliability;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.segment.MappedFileStore;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A creator killed with {@code kill -9} at a random point of creating (or removing) segments never
 * blocks the fleet: 50 child JVMs (5 at a time) create 16 rings, remove them and start again until
 * killed after a random delay; after each kill, a join opens all 16 rings of the child's fleet with
 * no manual step, and no temporary file of a dead creator stays behind.
 */
class CreationCrashTest
{
    private static final int ROUNDS = 10;
    private static final int CHILDREN_PER_ROUND = 5;
    private static final int KINDS = 16;

    static RingSpec spec(final int kind)
    {
        return RingSpec.perNode(kind, 256, 120);
    }

    @Test
    void creatorKilledAtARandomPointNeverBlocksTheNextJoin() throws Exception
    {
        final long seed = System.nanoTime();
        System.out.println("CreationCrashTest seed=" + seed);
        final Random random = new Random(seed);
        int killed = 0;
        int temporariesLeft = 0;
        int ringsReopened = 0;
        try (ShmDirectory dir = ShmDirectory.create())
        {
            for (int round = 0; round < ROUNDS; round++)
            {
                final List<ChildJvm> children = new ArrayList<>();
                final List<String> names = new ArrayList<>();
                for (int i = 0; i < CHILDREN_PER_ROUND; i++)
                {
                    names.add("r" + round + "c" + i + "x" + Math.floorMod(seed, 1000));
                    children.add(ChildJvm.start(dir.path(), CreatingChild.class, names.get(i)));
                }
                for (final ChildJvm child : children)
                {
                    child.awaitPrefix("READY");
                }
                for (final ChildJvm child : children)
                {
                    // A random point of the child's create/remove loop (each pass takes a few milliseconds).
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(5_000)));
                    child.kill9();
                    child.close();
                    killed++;
                }
                temporariesLeft += countTemporaries(dir.path());
                for (final String name : names)
                {
                    try (Fleet fleet = Fleet.joinShmAs(name, 1, 0, dir.path()))
                    {
                        for (int kind = 1; kind <= KINDS; kind++)
                        {
                            final Ring ring = fleet.ring(spec(kind));
                            ring.publish(1, 1, new byte[] {(byte)kind});
                            assertEquals((byte)kind, ring.readHead().orElseThrow().payload()[0]);
                            ringsReopened++;
                        }
                    }
                    Fleet.removeSegments(name, dir.path());
                }
                assertEquals(0, countTemporaries(dir.path()), "every temporary file of a dead creator is swept by the next join");
            }
        }
        System.out.println("CreationCrashTest killed=" + killed + " temporariesLeftByKills=" + temporariesLeft
            + " ringsReopened=" + ringsReopened);
        assertEquals(ROUNDS * CHILDREN_PER_ROUND, killed);
        assertEquals(killed * KINDS, ringsReopened);
    }

    private static int countTemporaries(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return (int)files.filter(file -> MappedFileStore.isTemporary(file.getFileName().toString())).count();
        }
    }

    /**
     * Child: {@code name}. Creates the rings of KINDs 1..16 in fleet {@code name}, closes it and
     * removes its segments, over and over until killed; prints {@code READY} after its first pass.
     */
    public static final class CreatingChild
    {
        public static void main(final String[] args)
        {
            for (int pass = 0; ; pass++)
            {
                try (Fleet fleet = Fleet.joinShm(args[0], 1))
                {
                    for (int kind = 1; kind <= KINDS; kind++)
                    {
                        fleet.ring(spec(kind));
                    }
                }
                Fleet.removeSegments(args[0]);
                if (pass == 0)
                {
                    System.out.println("READY");
                }
            }
        }
    }
}
