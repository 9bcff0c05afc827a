package io.orbit.runtime.codec;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The per-node load forms of {@link Orbital}: the remembered decoded value, {@code loadIfNewer}, and
 * agreement with the lane head after laps and a reset.
 */
class OrbitalLoadTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    @Test
    void aValueReadAgainWhileUnchangedIsTheSameInstanceAndAChangeIsDecoded()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 2, 0, dir.path()))
        {
            final Orbital<Checked> orbital = Orbital.of(fleet, Checked.codec(30, 8));
            assertEquals(Optional.empty(), orbital.load(0));
            orbital.store(Checked.of(1));
            final Optional<Checked> first = orbital.load(0);
            assertEquals(Optional.of(Checked.of(1)), first);
            assertSame(first, orbital.load(0), "unchanged: handed back without decoding");
            assertSame(orbital.load(), orbital.load(), "the fleet-wide form remembers too");
            orbital.store(Checked.of(2));
            assertEquals(Optional.of(Checked.of(2)), orbital.load(0));
            assertEquals(Optional.of(Checked.of(2)), orbital.load());
            assertEquals(Optional.empty(), orbital.load(1), "the other node stored nothing");

            orbital.ring().reset(true); // ids repeat after a reset: the remembered value is keyed by bytes
            orbital.store(Checked.of(7));
            orbital.store(Checked.of(8));
            orbital.store(Checked.of(9));
            assertEquals(Optional.of(Checked.of(9)), orbital.load(0));
        }
    }

    @Test
    void loadIfNewerFillsTheViewOnlyForANewerValue()
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), 2, 1, dir.path()))
        {
            final Orbital<Checked> orbital = Orbital.of(fleet, Checked.codec(31, 4));
            final FrameView view = orbital.ring().newFrameView();
            assertFalse(orbital.loadIfNewer(1, 0, view), "nothing stored");
            assertFalse(orbital.loadIfNewer(-1, 0, view));
            assertFalse(orbital.loadIfNewer(2, 0, view), "outside the fleet");
            final long first = orbital.store(Checked.of(1));
            assertTrue(orbital.loadIfNewer(1, 0, view));
            assertEquals(first, view.id());
            assertEquals(Checked.of(1), orbital.decode(view));
            assertFalse(orbital.loadIfNewer(1, first, view));
            for (long seq = 2; seq <= 11; seq++)
            {
                orbital.store(Checked.of(seq)); // more than two laps of 4 slots
            }
            assertTrue(orbital.loadIfNewer(1, first, view));
            assertEquals(Checked.of(11), orbital.decode(view), "the newest, not a slot of an earlier lap");
            assertEquals(orbital.ring().head(1) - 1, view.counter());
            assertTrue(orbital.loadView(1, view));
            assertEquals(Checked.of(11), orbital.decode(view));
        }
    }
}
