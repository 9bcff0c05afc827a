package io.orbit.runtime.event;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static io.orbit.runtime.ring.CrossProcessSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Three publisher JVMs (nodes 1..3) and one subscriber JVM (node 0) on one event ring. Every payload
 * is self-checking (node, sequence, filler, CRC32), the sequence equals the publisher's lane counter,
 * and each publisher reports how many events it published (its lane head). The subscriber checks
 * every delivered event and reports, per node, what it saw and what the bus said it lost:
 * <ul>
 *   <li>live: the subscriber polls while the publishers publish; per-node order holds (sequences
 *       strictly increasing), nothing torn, and the reported loss is exactly the missing sequences;</li>
 *   <li>lapped: the subscriber waits for GO until every publisher has published more than the
 *       capacity; the reported loss then equals the true loss exactly: {@code published - capacity} per node.</li>
 * </ul>
 */
class CrossProcessEventBusTest
{
    private static final int SIZE = 4;
    private static final int PUBLISHERS = 3;
    private static final int CAPACITY = 256;

    @Test
    void liveSubscriberSeesEveryNodeInOrderAndReportsExactlyWhatItMissed()
    {
        final long[] counts = {0, 40_000, 40_000, 40_000};
        final Map<Integer, Map<String, String>> results = run(counts, true);
        long lost = 0;
        for (int node = 1; node <= PUBLISHERS; node++)
        {
            lost += Long.parseLong(results.get(node).get("ringLost"));
        }
        System.out.println("CrossProcessEventBusTest live: lost " + lost + " of " + (counts[1] + counts[2] + counts[3]) + "; " + results);
    }

    @Test
    void lappedSubscriberReportsTheTrueLossExactly()
    {
        final long[] counts = {0, 1_000, 1_537, 4 * CAPACITY + 1};
        final Map<Integer, Map<String, String>> results = run(counts, false);
        for (int node = 1; node <= PUBLISHERS; node++)
        {
            final Map<String, String> result = results.get(node);
            assertEquals(counts[node] - CAPACITY, Long.parseLong(result.get("ringLost")), () -> "node result " + result);
            assertEquals(CAPACITY, Long.parseLong(result.get("delivered")));
            assertEquals(counts[node] - CAPACITY, Long.parseLong(result.get("first")), "the retained window is the newest");
            assertEquals(counts[node] - 1, Long.parseLong(result.get("last")));
        }
        assertEquals(counts[1] + counts[2] + counts[3] - PUBLISHERS * CAPACITY, Long.parseLong(results.get(0).get("overwritten")));
    }

    /**
     * Runs one scenario and checks what holds in both.
     *
     * @param counts events per publisher node (index 0 unused).
     * @param live   true: the subscriber polls while the publishers publish; false: it starts after they finished.
     * @return per node the subscriber's result words; key 0 holds its totals.
     */
    private static Map<Integer, Map<String, String>> run(final long[] counts, final boolean live)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final List<ChildJvm> publishers = new ArrayList<>();
        try (ShmDirectory dir = ShmDirectory.create();
            ChildJvm subscriber = ChildJvm.start(dir.path(), Subscriber.class, name, live ? "handler" : "list"))
        {
            for (int node = 1; node <= PUBLISHERS; node++)
            {
                publishers.add(ChildJvm.start(dir.path(), Publisher.class, name, Integer.toString(node)));
            }
            subscriber.awaitLine("READY"::equals);
            publishers.forEach(publisher -> publisher.awaitLine("READY"::equals));
            final String go = "GO " + counts[1] + " " + counts[2] + " " + counts[3];
            if (live)
            {
                send(subscriber, go);
            }
            for (int node = 1; node <= PUBLISHERS; node++)
            {
                send(publishers.get(node - 1), "PUBLISH " + counts[node]);
            }
            final long[] published = new long[SIZE];
            for (int node = 1; node <= PUBLISHERS; node++)
            {
                final Map<String, String> done = fields(publishers.get(node - 1).awaitPrefix("DONE "));
                published[node] = Long.parseLong(done.get("published"));
                assertEquals(counts[node], published[node]);
                assertEquals(published[node], Long.parseLong(done.get("head")), "published count = lane head");
            }
            if (!live)
            {
                send(subscriber, go); // only now: the subscriber has been lapped
            }
            final Map<Integer, Map<String, String>> results = new HashMap<>();
            for (int node = 1; node <= PUBLISHERS; node++)
            {
                final int expectedNode = node;
                results.put(node, fields(subscriber.awaitLine(line -> line.startsWith("NODE " + expectedNode + " ")).substring(5)));
            }
            final Map<String, String> totals = fields(subscriber.awaitPrefix("TOTALS "));
            results.put(0, totals);
            publishers.forEach(publisher -> send(publisher, "EXIT"));
            assertEquals(0, subscriber.awaitExit());
            for (final ChildJvm publisher : publishers)
            {
                assertEquals(0, publisher.awaitExit());
            }

            assertEquals("false", totals.get("timedOut"), () -> "subscriber timed out: " + totals);
            assertEquals("0", totals.get("corrupt"));
            assertEquals("0", totals.get("abandoned"), "a PER_NODE lane never abandons");
            assertEquals("0", totals.get("undecodable"));
            assertEquals("0", totals.get("invariantBroken"), "some poll's counts did not add up");
            long delivered = 0;
            for (int node = 1; node <= PUBLISHERS; node++)
            {
                final Map<String, String> result = results.get(node);
                final long nodeDelivered = Long.parseLong(result.get("delivered"));
                final long nodeLost = Long.parseLong(result.get("ringLost"));
                assertEquals("0", result.get("outOfOrder"), () -> "per-node order broken: " + result);
                assertEquals("0", result.get("bad"), () -> "torn, foreign or mislabelled events: " + result);
                assertEquals(published[node], nodeDelivered + nodeLost, () -> "delivered + lost != published: " + result);
                assertEquals(nodeLost, Long.parseLong(result.get("missing")), () -> "reported loss != missing sequences: " + result);
                assertEquals(published[node], Long.parseLong(result.get("movedPast")));
                delivered += nodeDelivered;
            }
            assertEquals(published[1] + published[2] + published[3], delivered + Long.parseLong(totals.get("overwritten")),
                "delivered + overwritten == total published");
            assertEquals(delivered, Long.parseLong(totals.get("delivered")));
            return results;
        }
        finally
        {
            publishers.forEach(ChildJvm::close);
        }
    }

    private static byte[] topic(final int node)
    {
        return ("seq." + node).getBytes(StandardCharsets.UTF_8);
    }

    /** Publisher JVM: {@code fleet node}. On {@code PUBLISH n} publishes the next n self-checking events of its sequence. */
    public static final class Publisher
    {
        public static void main(final String[] args)
        {
            final int node = Integer.parseInt(args[1]);
            try (Fleet fleet = Fleet.joinShmAs(args[0], SIZE, node))
            {
                final OrbitEventBus bus = OrbitEventBus.builder(fleet).capacity(CAPACITY).clock(OrbitClock.system()).open();
                final UnsafeBuffer topic = new UnsafeBuffer(topic(node));
                final UnsafeBuffer payload = new UnsafeBuffer(new byte[64]);
                final CRC32 crc = new CRC32();
                long sequence = 0;
                say("READY");
                String line;
                while ((line = awaitParentLine()) != null && line.startsWith("PUBLISH "))
                {
                    final long count = Long.parseLong(line.substring(8));
                    for (long i = 0; i < count; i++, sequence++)
                    {
                        final int length = checkedLength(sequence, 64);
                        writeChecked(payload, node, sequence, length, crc);
                        bus.publish(topic, 0, topic.capacity(), payload, 0, length);
                    }
                    say("DONE published=" + sequence + " head=" + bus.ring().head());
                }
            }
        }
    }

    /**
     * Subscriber JVM (node 0): {@code fleet handler|list}. Opens a cursor from the start, waits for
     * {@code GO n1 n2 n3}, then polls until it has moved past every published event and reports.
     */
    public static final class Subscriber
    {
        private static final long[] delivered = new long[SIZE];
        private static final long[] lastSequence = {-1, -1, -1, -1};
        private static final long[] firstSequence = {-1, -1, -1, -1};
        private static final long[] gaps = new long[SIZE];
        private static final long[] outOfOrder = new long[SIZE];
        private static final long[] bad = new long[SIZE];
        private static final byte[] scratch = new byte[64];
        private static final CRC32 crc = new CRC32();

        public static void main(final String[] args)
        {
            final boolean handlerForm = "handler".equals(args[1]);
            try (Fleet fleet = Fleet.joinShmAs(args[0], SIZE, 0))
            {
                final OrbitEventBus bus = OrbitEventBus.builder(fleet).capacity(CAPACITY).clock(OrbitClock.system()).open();
                final OrbitEventCursor cursor = bus.cursorFromStart();
                final UnsafeBuffer slice = new UnsafeBuffer(new byte[0]);
                final EventHandler handler = event ->
                {
                    slice.wrap(event.buffer(), event.payloadOffset(), event.payloadLength());
                    check(event.node(), event.counter(), event.topicEquals(topic(event.node())), slice, event.payloadLength());
                };
                say("READY");
                final String[] go = awaitParentLine().split(" ");
                final long[] target = new long[SIZE];
                for (int node = 1; node <= PUBLISHERS; node++)
                {
                    target[node] = Long.parseLong(go[node]);
                }
                long invariantBroken = 0;
                boolean timedOut = false;
                final long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                while (!caughtUp(cursor, target))
                {
                    if (handlerForm)
                    {
                        final EventPollStats stats = bus.poll(cursor, handler);
                        invariantBroken += accounted(stats) ? 0 : 1;
                    }
                    else
                    {
                        final EventPoll poll = bus.poll(cursor);
                        for (final OrbitEvent event : poll.events())
                        {
                            final byte[] bytes = event.payload();
                            check(event.node(), event.counter(), event.topic().equals("seq." + event.node()),
                                new UnsafeBuffer(bytes), bytes.length);
                        }
                        invariantBroken += accounted(cursor.lastPoll()) && poll.events().size() == cursor.lastPoll().delivered() ? 0 : 1;
                    }
                    if (System.nanoTime() - deadline > 0)
                    {
                        timedOut = true;
                        break;
                    }
                }
                final EventPollStats totals = cursor.totals();
                for (int node = 1; node <= PUBLISHERS; node++)
                {
                    final long missing = gaps[node] + (target[node] - 1 - lastSequence[node]);
                    say("NODE " + node + " delivered=" + delivered[node] + " ringLost=" + totals.ringLost(node) + " missing=" + missing
                        + " movedPast=" + totals.movedPast(node) + " outOfOrder=" + outOfOrder[node] + " bad=" + bad[node]
                        + " first=" + firstSequence[node] + " last=" + lastSequence[node]);
                }
                say("TOTALS delivered=" + totals.delivered() + " overwritten=" + totals.overwritten() + " abandoned="
                    + totals.abandoned() + " corrupt=" + totals.corrupt() + " undecodable=" + totals.undecodable() + " movedPast="
                    + totals.movedPast() + " invariantBroken=" + invariantBroken + " timedOut=" + timedOut);
            }
        }

        private static boolean caughtUp(final OrbitEventCursor cursor, final long[] target)
        {
            for (int node = 1; node <= PUBLISHERS; node++)
            {
                if (cursor.next(node) < target[node])
                {
                    return false;
                }
            }
            return true;
        }

        private static boolean accounted(final EventPollStats stats)
        {
            long movedPast = 0;
            for (int node = 0; node < SIZE; node++)
            {
                movedPast += stats.movedPast(node);
            }
            return stats.movedPast() == stats.ringDelivered() + stats.overwritten() + stats.abandoned() + stats.corrupt()
                && movedPast == stats.movedPast();
        }

        private static void check(
            final int node, final long counter, final boolean topicMatches, final DirectBuffer payload, final int length)
        {
            if (node < 1 || node > PUBLISHERS)
            {
                bad[0]++;
                return;
            }
            if (!topicMatches || !verifyChecked(payload, length, scratch, crc) || checkedNode(payload) != node
                || checkedSequence(payload) != counter || length != checkedLength(counter, 64))
            {
                bad[node]++;
                return;
            }
            final long sequence = checkedSequence(payload);
            if (sequence <= lastSequence[node])
            {
                outOfOrder[node]++;
                return;
            }
            if (firstSequence[node] < 0)
            {
                firstSequence[node] = sequence;
            }
            gaps[node] += sequence - lastSequence[node] - 1;
            lastSequence[node] = sequence;
            delivered[node]++;
        }
    }
}
