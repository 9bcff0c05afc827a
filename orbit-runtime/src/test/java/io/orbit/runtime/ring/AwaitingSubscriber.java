package io.orbit.runtime.ring;

import io.orbit.runtime.fleet.Fleet;

import java.time.Duration;

import static io.orbit.runtime.ring.CrossProcessSupport.say;

/**
 * Child JVM: joins a shm fleet, opens a notifying ring, and blocks in {@link RingCursor#await}
 * once per parent line, printing {@code WAITING futex=..} before and {@code WOKE result=.. frames=..}
 * after each wait. Arguments: fleet name, fleet size, node, KIND.
 */
public final class AwaitingSubscriber
{
    private AwaitingSubscriber()
    {
    }

    public static void main(final String[] args)
    {
        try (Fleet fleet = Fleet.joinShmAs(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2])))
        {
            final Ring ring = fleet.ring(RingWakeupTest.spec(Integer.parseInt(args[3])));
            final RingCursor cursor = ring.cursorAtHead();
            while (CrossProcessSupport.awaitParentLine() != null)
            {
                say("WAITING futex=" + (Futex.SYSTEM != null));
                final boolean result = cursor.await(Duration.ofSeconds(60));
                say("WOKE result=" + result + " frames=" + cursor.poll().frames().size());
            }
        }
    }
}
