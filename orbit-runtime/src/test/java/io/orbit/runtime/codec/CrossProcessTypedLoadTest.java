package io.orbit.runtime.codec;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A writer JVM stores as fast as it can into a small PER_NODE ring (it laps the reader constantly)
 * while this JVM reads with the slot-probing forms ({@code loadIfNewer}, {@code load(node)}): every
 * value read is intact (never torn) and no value is older than one read before it (never a slot
 * left from an earlier lap).
 */
class CrossProcessTypedLoadTest
{
    private static final int KIND = 32;
    private static final int CAPACITY = 8;
    private static final long STORES = 2_000_000;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    @Test
    void aReaderOfAFastWriterNeverSeesATornOrOlderValue()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = Fleet.joinShmAs(name, 2, 1, dir.path()))
        {
            final Orbital<Checked> orbital = Orbital.of(fleet, Checked.codec(KIND, CAPACITY));
            final FrameView view = orbital.ring().newFrameView();
            try (ChildJvm writer = ChildJvm.start(dir.path(), Writer.class, name))
            {
                writer.awaitLine("READY"::equals);
                long seen = 0;
                long newest = 0;
                long reads = 0;
                long changes = 0;
                while (newest < STORES)
                {
                    final boolean viaView = (reads++ & 1) == 0;
                    final Checked value;
                    if (viaView)
                    {
                        if (!orbital.loadIfNewer(0, seen, view))
                        {
                            continue;
                        }
                        seen = view.id();
                        value = orbital.decode(view);
                    }
                    else
                    {
                        final Optional<Checked> loaded = orbital.load(0);
                        if (loaded.isEmpty())
                        {
                            continue;
                        }
                        value = loaded.get();
                    }
                    assertTrue(value.intact(), () -> "torn value " + value);
                    final long previous = newest;
                    final long counter = view.counter();
                    assertTrue(value.seq() >= previous, () -> "value " + value.seq() + " read after " + previous + " via "
                        + (viaView ? "loadIfNewer counter " + counter : "load(node)"));
                    if (value.seq() > newest)
                    {
                        changes++;
                        newest = value.seq();
                    }
                }
                assertEquals(STORES, newest, "the last value stored is read");
                assertTrue(changes > 1, "the reader followed the writer, changes=" + changes);
                System.out.println("CrossProcessTypedLoadTest reads=" + reads + " changes=" + changes);
                assertEquals(0, writer.awaitExit());
            }
        }
    }

    /** Child JVM: node 0 stores 1..STORES as fast as it can, then exits. */
    public static final class Writer
    {
        public static void main(final String[] args)
        {
            try (Fleet fleet = Fleet.joinShmAs(args[0], 2, 0))
            {
                final Orbital<Checked> orbital = Orbital.of(fleet, Checked.codec(KIND, CAPACITY));
                System.out.println("READY");
                System.out.flush();
                for (long seq = 1; seq <= STORES; seq++)
                {
                    orbital.store(Checked.of(seq));
                }
            }
        }
    }
}
