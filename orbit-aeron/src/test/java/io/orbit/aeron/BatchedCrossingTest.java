package io.orbit.aeron;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.Await;
import io.orbit.runtime.ring.PollStats;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.RingSpec;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sender packs many ring frames into one Aeron message: a burst from one node still crosses in
 * order with its ids and counters, and every counter ends in exactly one loss class at the far side,
 * also when the sending bridge and the receiving reader are lapped, over unicast and over a multicast
 * group. Two bridge processes, counts read from their {@code stats} lines.
 */
class BatchedCrossingTest
{
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\d+)");

    @Test
    void aBurstFromOneNodeCrossesInBatchesInOrderWithItsIdsAndExactCounts()
    {
        final int frames = 5_000;
        final RingSpec spec = RingSpec.perNode(12, 8_192, 64);
        try (TwoHostGrid grid = new TwoHostGrid("12:8192:64", 100);
             Fleet a = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 1, grid.dirs[0].path()))
        {
            final Ring ringA = a.ring(spec);
            final UnsafeBuffer payload = new UnsafeBuffer(new byte[64]);
            final long[] ids = new long[frames];
            for (int i = 0; i < frames; i++)
            {
                payload.putInt(0, i);
                ids[i] = ringA.publish(0, ringA.nextVersion(), payload, 0, 64);
            }
            grid.startBoth(); // the whole burst waits in the ring: the sender's first poll packs it into full batches
            try (Fleet b = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 5, grid.dirs[1].path()))
            {
                final Ring ringB = b.ring(spec);
                Await.until("the burst reached host B", () -> ringB.head(1) == frames);
                final RingCursor cursor = ringB.cursorFromStart();
                final int[] next = {0};
                final PollStats poll = cursor.poll(frame ->
                {
                    assertEquals(1, frame.lane());
                    assertEquals(next[0], frame.counter(), "in order, no gap");
                    assertEquals(ids[next[0]], frame.id(), "NetId64 kept");
                    assertEquals(next[0], frame.payload().getInt(0));
                    next[0]++;
                });
                assertEquals(frames, poll.delivered());
                assertEquals(0, poll.overwritten());
                assertEquals(frames, NetId64.counter(ids[frames - 1]) + 1);
            }
            final String received = awaitAccounted(grid, 1, frames);
            assertEquals(frames, field(received, "replicated"));
            assertEquals(0, field(received, "lost_at_source") + field(received, "lost_in_transit") + field(received, "not_leased")
                + field(received, "duplicate"));
            final String sent = grid.bridges[0].awaitLine(line -> line.contains(" stats ") && field(line, "sent") == frames);
            assertTrue(field(sent, "messages") <= frames / 10,
                "batched: at least 10 frames of 64 bytes per MTU-sized message (" + sent + ")");
        }
    }

    @ParameterizedTest
    @CsvSource({"12:64:64, false", "12:64:64:shared, false", "12:64:64, true"})
    void aLappedSenderAndALappedReaderStillAccountForEveryFrameExactly(final String ringSpec, final boolean multicast)
    {
        final int frames = 20_000;
        final boolean shared = ringSpec.endsWith(":shared");
        final RingSpec spec = shared ? RingSpec.shared(12, 64, 64) : RingSpec.perNode(12, 64, 64);
        try (TwoHostGrid grid = new TwoHostGrid(ringSpec, 100, multicast))
        {
            grid.startBoth();
            try (Fleet a = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 1, grid.dirs[0].path());
                 Fleet b = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 5, grid.dirs[1].path()))
            {
                final Ring ringA = a.ring(spec);
                final Ring ringB = b.ring(spec);
                final RingCursor reader = ringB.cursorFromStart();
                final long[] last = {-1};
                final long[] delivered = {0};
                final UnsafeBuffer payload = new UnsafeBuffer(new byte[64]);
                for (int i = 0; i < frames; i++)
                {
                    payload.putInt(0, i);
                    ringA.publish(0, ringA.nextVersion(), payload, 0, 64); // flat out: the 64-slot ring laps the sender
                    if (i % 500 == 0)
                    {
                        readInOrder(reader, last, delivered);
                    }
                }
                // Every frame the sender's cursor moved past ends in exactly one class (over-counting would pass 'frames').
                final String received = awaitAccounted(grid, 1, frames);
                final long replicated = field(received, "replicated");
                assertEquals(0, field(received, "not_leased") + field(received, "duplicate"));
                assertEquals(frames, replicated + field(received, "lost_at_source") + field(received, "lost_in_transit"),
                    "each frame in exactly one class: " + received);
                final String sent = grid.bridges[0].awaitLine(line -> line.contains(" stats ") && field(line, "sent") == replicated);
                assertEquals(field(received, "lost_in_transit"), field(sent, "dropped"),
                    "what the receiver counts lost in transit is exactly what the sender dropped: " + sent);

                readInOrder(reader, last, delivered);
                final long written = shared ? replicated : ringB.head(1); // PER_NODE: source counters, gaps marked
                assertEquals(written, delivered[0] + reader.totals().overwritten(),
                    "every counter delivered or counted lost by the reader");
                assertEquals(0, reader.totals().corrupt());
                assertTrue(delivered[0] > 0);
            }
        }
    }

    /** Frames of node 1 arrive in publish order (the payload is the publish index; PER_NODE keeps it as the counter). */
    private static void readInOrder(final RingCursor reader, final long[] last, final long[] delivered)
    {
        reader.poll(frame ->
        {
            assertEquals(1, NetId64.node(frame.id()));
            final int index = frame.payload().getInt(0);
            assertTrue(index > last[0], "in order");
            if (frame.lane() == 1)
            {
                assertEquals(frame.counter(), index, "PER_NODE: the source counter kept");
            }
            last[0] = index;
            delivered[0]++;
        });
    }

    /** The first stats line of a host's bridge whose classes sum to at least {@code frames}; asserted equal by callers. */
    private static String awaitAccounted(final TwoHostGrid grid, final int host, final long frames)
    {
        return grid.bridges[host].awaitLine(line -> line.contains(" stats ") && field(line, "replicated") + field(line, "duplicate")
            + field(line, "lost_at_source") + field(line, "lost_in_transit") + field(line, "not_leased") >= frames);
    }

    private static long field(final String line, final String name)
    {
        final Matcher matcher = FIELD.matcher(line);
        while (matcher.find())
        {
            if (matcher.group(1).equals(name))
            {
                return Long.parseLong(matcher.group(2));
            }
        }
        throw new AssertionError("no " + name + " in " + line);
    }
}
