package io.orbit.samples.tail;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.event.EventFrames;
import io.orbit.runtime.event.OrbitEvent;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.fleet.FleetName;
import io.orbit.runtime.fleet.NodeLeaseProbe;
import io.orbit.runtime.fleet.SegmentNames;
import io.orbit.runtime.ring.PollStats;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.segment.ReadOnlySegments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows a fleet's event bus from another terminal, read-only: it maps the existing event-bus
 * segment without joining the fleet, so it takes no node, creates nothing, and a fleet that does not
 * exist is reported at once. Prints events as they arrive and loss (by class) when it happens.
 *
 * <p>Run: {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp samples/target/orbit-samples.jar
 * io.orbit.samples.tail.Tail <fleet> [<size>] [--from-start] [--max N]} ({@code bin/orbit tail <fleet> --events}
 * does the same). {@code <size>}, when given, is checked against the fleet's.
 */
public final class Tail
{
    /** Longest sleep between two looks at the bus. */
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private static final String USAGE = "usage: Tail <fleet> [<size>] [--from-start] [--max N]";

    private Tail()
    {
    }

    /**
     * @param args fleet name, optional fleet size, options.
     */
    public static void main(final String[] args)
    {
        if (args.length < 1 || args[0].startsWith("-"))
        {
            System.err.println(USAGE);
            System.exit(args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2);
        }
        final String name = FleetName.validate(args[0]);
        int size = -1;
        boolean fromStart = false;
        long max = Long.MAX_VALUE;
        for (int i = 1; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--from-start" -> fromStart = true;
                case "--max" -> max = Long.parseLong(args[++i]);
                case "--capacity" -> i++; // accepted for old command lines: the capacity is read from the segment
                default -> size = Integer.parseInt(args[i]);
            }
        }
        final Path directory = OrbitProperties.directory();
        final Path file = directory.resolve(SegmentNames.segment(name, OrbitEventBus.KIND));
        if (!Files.exists(file))
        {
            System.err.println("no fleet " + name + " with an event bus in " + directory + " (no " + file.getFileName()
                + "); is it running, and with the same -Dorbit.shm.dir? 'bin/orbit ls' lists the fleets there");
            System.exit(3);
        }
        final Ring ring;
        try
        {
            ring = Ring.inspect(ReadOnlySegments.map(file), name, new NodeLeaseProbe(name, directory)::isAlive);
        }
        catch (final IOException ex)
        {
            System.err.println("cannot read " + file + ": " + ex);
            System.exit(3);
            return;
        }
        if (size >= 0 && size != ring.laneCount())
        {
            System.err.println("fleet " + name + " has " + ring.laneCount() + " nodes, not " + size + ": run Tail " + name + " "
                + ring.laneCount() + " (or leave the size out)");
            System.exit(2);
        }
        final RingCursor cursor = fromStart ? ring.cursorFromStart() : ring.cursorAtHead();
        System.out.println("tailing fleet " + name + " (" + ring.laneCount() + " nodes) " + (fromStart ? "from the start" : "from now"));
        final long[] printed = new long[2];
        final long limit = max;
        while (printed[0] < limit)
        {
            printed[1] = 0;
            final PollStats stats = cursor.poll(frame ->
            {
                final OrbitEvent event = EventFrames.decode(frame).orElse(null);
                if (event == null)
                {
                    printed[1]++;
                }
                else if (printed[0] < limit)
                {
                    System.out.printf("%s node=%d %s %s%n", Instant.ofEpochMilli(event.timestampMs()), event.node(), event.topic(),
                        new String(event.payload(), StandardCharsets.UTF_8));
                    printed[0]++;
                }
            });
            if (stats.lost() > 0 || printed[1] > 0)
            {
                System.out.printf("LOSS overwritten=%d abandoned=%d corrupt=%d undecodable=%d%n", stats.overwritten(), stats.abandoned(),
                    stats.corrupt(), printed[1]);
            }
            if (stats.movedPast() == 0)
            {
                cursor.await(IDLE_WAIT); // parks until the lanes move (read-only: it watches, never registers): an idle Tail costs no CPU
            }
        }
    }
}
