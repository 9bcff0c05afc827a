package io.orbit.samples.tail;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.event.EventPoll;
import io.orbit.runtime.event.OrbitEvent;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.event.OrbitEventCursor;
import io.orbit.runtime.exceptions.NodeInUseException;
import io.orbit.runtime.fleet.Fleet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows a fleet's event bus from another terminal: joins the fleet on the highest free node,
 * prints events as they arrive, and reports loss (by class) when it happens.
 *
 * <p>Run: {@code java -cp samples/target/orbit-samples.jar io.orbit.samples.tail.Tail <fleet> <size> [--from-start] [--max N] [--capacity N]}.
 */
public final class Tail
{
    /** Longest sleep between two looks at the bus (a publish wakes it at once). */
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private Tail()
    {
    }

    /**
     * @param args fleet name, fleet size, options.
     */
    public static void main(final String[] args)
    {
        if (args.length < 2)
        {
            System.err.println("usage: Tail <fleet> <size> [--from-start] [--max N] [--capacity N]");
            System.exit(2);
        }
        final String name = args[0];
        final int size = Integer.parseInt(args[1]);
        boolean fromStart = false;
        long max = Long.MAX_VALUE;
        int capacity = OrbitEventBus.DEFAULT_CAPACITY;
        for (int i = 2; i < args.length; i++)
        {
            if (args[i].equals("--from-start"))
            {
                fromStart = true;
            }
            else if (args[i].equals("--max"))
            {
                max = Long.parseLong(args[++i]);
            }
            else if (args[i].equals("--capacity"))
            {
                capacity = Integer.parseInt(args[++i]);
            }
        }
        try (Fleet fleet = joinFreeNode(name, size))
        {
            final OrbitEventBus bus = OrbitEventBus.builder(fleet).capacity(capacity).clock(OrbitClock.system()).open();
            final OrbitEventCursor cursor = fromStart ? bus.cursorFromStart() : bus.cursorAtHead();
            System.out.println("tailing fleet " + name + " as node " + fleet.node() + (fromStart ? " from the start" : " from now"));
            long printed = 0;
            while (printed < max)
            {
                final EventPoll poll = bus.poll(cursor);
                for (final OrbitEvent event : poll.events())
                {
                    System.out.printf("%s node=%d %s %s%n", Instant.ofEpochMilli(event.timestampMs()), event.node(), event.topic(),
                        new String(event.payload(), StandardCharsets.UTF_8));
                    printed++;
                }
                if (poll.lost() > 0)
                {
                    System.out.printf("LOSS overwritten=%d abandoned=%d corrupt=%d undecodable=%d%n", poll.overwritten(), poll.abandoned(),
                        poll.corrupt(), poll.undecodable());
                }
                if (poll.events().isEmpty())
                {
                    cursor.await(IDLE_WAIT); // sleeps until a publish anywhere in the fleet: an idle Tail costs no CPU
                }
            }
        }
    }

    private static Fleet joinFreeNode(final String name, final int size)
    {
        for (int node = size - 1; node >= 0; node--)
        {
            try
            {
                return Fleet.joinShmAs(name, size, node);
            }
            catch (final NodeInUseException taken)
            {
                // try the next node down
            }
        }
        throw new NodeInUseException("every node of fleet " + name + " (size " + size + ") is held; nothing left to tail with");
    }
}
