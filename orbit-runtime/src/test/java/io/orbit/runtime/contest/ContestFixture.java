package io.orbit.runtime.contest;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.testing.ShmDirectory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * One test's fleet (process-local or shared memory), its node handles and a manual clock they share.
 * Closing it closes every handle and removes the private shared-memory directory.
 */
final class ContestFixture implements AutoCloseable
{
    static final int FLEET_SIZE = 4;
    /** Subject types of the tests, as {@code @ContestType} kinds would be. */
    static final int JOBS = 1;
    static final int REPORTS = 2;
    static final Duration LONG = Duration.ofSeconds(60);

    final FleetBacking backing;
    final ShmDirectory dir = ShmDirectory.create();
    final String name = ShmDirectory.uniqueFleetName();
    final ManualClock clock = new ManualClock(1_000_000_000L, 1_000);
    private final List<Fleet> fleets = new ArrayList<>();

    ContestFixture(final FleetBacking backing)
    {
        this.backing = backing;
    }

    Fleet join(final int node)
    {
        final Fleet fleet = backing.join(dir, name, FLEET_SIZE, node);
        fleets.add(fleet);
        return fleet;
    }

    /** A contest on a new handle of the given node, with the default slot count. */
    Contest contest(final int node)
    {
        return Contest.builder(join(node)).clock(clock).open();
    }

    Contest contest(final int node, final int slotCount)
    {
        return Contest.builder(join(node)).clock(clock).slotCount(slotCount).open();
    }

    void advanceMillis(final long millis)
    {
        clock.advance(millis, TimeUnit.MILLISECONDS);
    }

    static Guard claimed(final ContestResult result)
    {
        return assertInstanceOf(ContestResult.Claimed.class, result, () -> "expected Claimed, got " + result).guard();
    }

    static Holder yielded(final ContestResult result)
    {
        return assertInstanceOf(ContestResult.YieldTo.class, result, () -> "expected YieldTo, got " + result).holder();
    }

    /** A copy of the whole table segment, to prove that a refused call wrote nothing. */
    static byte[] tableBytes(final Contest contest)
    {
        final byte[] bytes = new byte[ContestTestHooks.table(contest).buffer().capacity()];
        ContestTestHooks.table(contest).buffer().getBytes(0, bytes);
        return bytes;
    }

    @Override
    public void close()
    {
        for (int i = fleets.size() - 1; i >= 0; i--)
        {
            fleets.get(i).close();
        }
        dir.close();
    }
}
