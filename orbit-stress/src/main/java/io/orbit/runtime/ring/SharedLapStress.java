package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.stress.FleetNames;
import io.orbit.stress.Payloads;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two SHARED writers (nodes 0 and 1) a lap apart on a capacity-2 ring: each publishes two frames,
 * so counters 0..3 race for two slots and counters c and c+2 share a slot. Afterwards each slot's
 * committed stamp must be that of the newest counter mapping to it (a newer frame is never
 * overwritten by an older one), and that frame must read back whole, with a payload naming the
 * writer its id names. r1 is the verdict, r2 which node wrote counters 2 and 3.
 */
@JCStressTest
@Outcome(id = "OK, .*", expect = ACCEPTABLE, desc = "each slot holds its newest counter, whole")
@Outcome(id = "GAVE_UP, .*", expect = ACCEPTABLE_INTERESTING,
    desc = "a writer gave up behind a live writer paused past the pending bound; the older frame stays")
@Outcome(expect = FORBIDDEN, desc = "older frame over newer, torn frame or payload not matching its id")
@State
public class SharedLapStress
{
    private static final int KIND = 2;

    private final Fleet fleet0;
    private final Fleet fleet1;
    private final Ring ring0;
    private final Ring ring1;
    private final long[] ids = new long[4];

    public SharedLapStress()
    {
        final String name = FleetNames.next("sl");
        fleet0 = Fleet.joinAs(name, 2, 0);
        fleet1 = Fleet.joinAs(name, 2, 1);
        ring0 = fleet0.ring(RingSpec.shared(KIND, 2, Payloads.BYTES));
        ring1 = fleet1.ring(RingSpec.shared(KIND, 2, Payloads.BYTES));
    }

    @Actor
    public void writer0()
    {
        // version = node * 10 + k, and the payload repeats the version: it names its writer.
        ids[0] = ring0.publish(0, 1, Payloads.of(1));
        ids[1] = ring0.publish(0, 2, Payloads.of(2));
    }

    @Actor
    public void writer1()
    {
        ids[2] = ring1.publish(0, 11, Payloads.of(11));
        ids[3] = ring1.publish(0, 12, Payloads.of(12));
    }

    @Arbiter
    public void arbiter(final LL_Result r)
    {
        try
        {
            final long gaveUp = ring0.writerStats().gaveUpBehindLiveWriter() + ring1.writerStats().gaveUpBehindLiveWriter();
            final FrameView view = ring0.newFrameView();
            final StringBuilder owners = new StringBuilder();
            String verdict = "OK";
            for (int slot = 0; slot < 2; slot++)
            {
                long newest = -1;
                for (final long id : ids)
                {
                    final long counter = NetId64.counter(id);
                    if ((counter & 1) == slot)
                    {
                        newest = Math.max(newest, counter);
                    }
                }
                final long stamp = RingTestHooks.stamp(ring0, 0, newest);
                if (stamp != 2 * newest + 2)
                {
                    verdict = gaveUp > 0 ? "GAVE_UP" : "OLDER_OVER_NEWER slot " + slot + " stamp " + stamp + " newest " + newest;
                    break;
                }
                if (RingTestHooks.readSlot(ring0, 0, newest, view) != RingTestHooks.READY)
                {
                    verdict = "UNREADABLE counter " + newest;
                    break;
                }
                final long version = view.version();
                final int writer = (int)(version / 10);
                if (!Payloads.whole(view.payload(), view.payloadLength(), version) || NetId64.node(view.id()) != writer)
                {
                    verdict = "TORN counter " + newest;
                    break;
                }
                owners.append(slot == 0 ? "" : "/").append(writer);
            }
            r.r1 = verdict;
            r.r2 = owners.toString();
        }
        finally
        {
            fleet0.close();
            fleet1.close();
        }
    }
}
