package io.orbit.aeron;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.event.EventPoll;
import io.orbit.runtime.event.OrbitEvent;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.event.OrbitEventCursor;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.heartbeat.NodeState;
import io.orbit.runtime.ring.Await;
import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.OrbitClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two hosts on one machine, each with its own shared-memory fleet and its own bridge process; this
 * test process plays the workers of both hosts (node 1 on host 0, node 5 on host 1).
 */
class GridCrossProcessTest
{
    private static final RingSpec TYPED = RingSpec.perNode(12, 16, 64);
    private static final Duration LIVE = Duration.ofSeconds(2);

    @Test
    void aValueStoredOnHostAIsLoadedOnHostBWithTheSameIdAndTheCacheCrosses()
    {
        try (TwoHostGrid grid = new TwoHostGrid("12:16:64,200:1024:64,221"))
        {
            grid.startBoth();
            try (Fleet a = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 1, grid.dirs[0].path());
                 Fleet b = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 5, grid.dirs[1].path()))
            {
                final long id = a.ring(TYPED).publish(0, a.ring(TYPED).nextVersion(), "load 7".getBytes(StandardCharsets.UTF_8));
                final Ring onB = b.ring(TYPED);
                final FrameView view = onB.newFrameView();
                Await.until("the value of node 1 is loadable on host B", () -> onB.readLaneHead(1, view));
                assertEquals(id, view.id(), "NetId64 (KIND, node, counter) preserved end to end");
                assertEquals(1, NetId64.node(view.id()));
                assertEquals("load 7", view.payload().getStringWithoutLengthUtf8(0, view.payloadLength()));
                assertTrue(onB.read(id).isPresent(), "readable by id on host B");

                final OrbitCache cacheA = OrbitCache.builder(a).capacity(1024).payloadCapacity(64).open();
                final OrbitCache cacheB = OrbitCache.builder(b).capacity(1024).payloadCapacity(64).open();
                cacheA.put("k", "from A");
                Await.until("host B's cache sees host A's put", () -> cacheB.get("k").isPresent());
                assertEquals("from A", new String(cacheB.get("k").orElseThrow(), StandardCharsets.UTF_8));
                cacheB.put("k", "from B");
                Await.until("the later put from host B wins on host A", () -> cacheA.get("k")
                    .map(value -> new String(value, StandardCharsets.UTF_8).equals("from B")).orElse(false));
                assertEquals(Optional.of("from B"), cacheB.get("k").map(value -> new String(value, StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void framesPublishedBeforeTheBridgesStartCrossOnceTheyHaveHeardEachOther()
    {
        try (TwoHostGrid grid = new TwoHostGrid("12:16:64"))
        {
            try (Fleet a = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 1, grid.dirs[0].path()))
            {
                final Ring ringA = a.ring(TYPED);
                final long[] ids = new long[10];
                for (int i = 0; i < ids.length; i++)
                {
                    ids[i] = ringA.publish(0, ringA.nextVersion(), new byte[] {(byte)i});
                }
                grid.startBoth();
                try (Fleet b = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 5, grid.dirs[1].path()))
                {
                    final Ring ringB = b.ring(TYPED);
                    Await.until("the retained history of node 1 reached host B", () -> ringB.head(1) == ids.length);
                    for (final long id : ids)
                    {
                        assertTrue(ringB.read(id).isPresent(), "no frame was dropped as not leased: " + NetId64.counter(id));
                    }
                }
            }
        }
    }

    @Test
    void eventsCrossInOrderWithExactLossAccountingWhenTheReceiverIsLapped()
    {
        final int events = 2_000;
        try (TwoHostGrid grid = new TwoHostGrid("220:64"))
        {
            grid.startBoth();
            try (Fleet a = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 1, grid.dirs[0].path());
                 Fleet b = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 5, grid.dirs[1].path()))
            {
                final OrbitEventBus busA = OrbitEventBus.builder(a).capacity(64).clock(OrbitClock.system()).open();
                final OrbitEventBus busB = OrbitEventBus.builder(b).capacity(64).clock(OrbitClock.system()).open();
                final OrbitEventCursor reader = busB.cursorFromStart();
                long lastId = 0;
                for (int i = 0; i < events; i++)
                {
                    lastId = busA.publish("jobs", "event " + i);
                }
                final long finalId = lastId;
                Await.until("the last event reached host B", () -> busB.ring().read(finalId).isPresent());
                final EventPoll poll = busB.poll(reader);
                final List<OrbitEvent> seen = poll.events();
                assertFalse(seen.isEmpty());
                assertEquals(events, seen.size() + poll.overwritten(), "every event is delivered or counted as lost");
                assertEquals(0, poll.corrupt());
                assertEquals(finalId, seen.get(seen.size() - 1).id());
                for (int i = 1; i < seen.size(); i++)
                {
                    assertTrue(seen.get(i).counter() > seen.get(i - 1).counter(), "in order");
                    assertEquals(1, seen.get(i).node());
                }
                final OrbitEvent last = seen.get(seen.size() - 1);
                assertEquals("event " + (events - 1), last.payloadAsString());
                assertEquals(events - 1, last.counter(), "counters kept: the lane counter is in step with host A's");
            }
        }
    }

    @Test
    void heartbeatsCrossAndALostLinkOrDeadWorkerReadsDeadAndARestartedBridgeResumes()
    {
        try (TwoHostGrid grid = new TwoHostGrid("12:16:64,221"))
        {
            grid.startBoth();
            try (Fleet b = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 5, grid.dirs[1].path()))
            {
                final FleetHeartbeat onB = FleetHeartbeat.open(b);
                final Fleet a = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 1, grid.dirs[0].path());
                final FleetHeartbeat beatsA = FleetHeartbeat.open(a);
                beatsA.beat();
                Await.until("node 1 of host A reads LIVE on host B", () -> onB.read(1, LIVE).state() == NodeState.LIVE);
                assertEquals(ProcessHandle.current().pid(), onB.read(1, LIVE).pid());
                assertEquals(NodeState.LIVE, onB.read(0, LIVE).state(), "host A's bridge node beats too");
                assertEquals(NodeState.MISSING, onB.read(2, LIVE).state(), "a node nobody runs stays MISSING");

                a.close(); // the worker on host A goes away
                Await.until("node 1 reads DEAD on host B", () -> onB.read(1, LIVE).state() == NodeState.DEAD);
                assertEquals(NodeState.LIVE, onB.read(0, LIVE).state());

                try (Fleet again = Fleet.joinShmAs(grid.fleet, TwoHostGrid.SIZE, 1, grid.dirs[0].path()))
                {
                    FleetHeartbeat.open(again).beat();
                    Await.until("node 1 is back on host B", () -> onB.read(1, LIVE).state() == NodeState.LIVE);

                    grid.bridges[0].kill9(); // host A's bridge dies: the link is lost
                    Await.until("every node of host A reads DEAD on host B",
                        () -> onB.read(0, LIVE).state() == NodeState.DEAD && onB.read(1, LIVE).state() == NodeState.DEAD);
                    assertFalse(b.isNodeAlive(1));

                    grid.startBridge(0); // restart: the fleets of both hosts kept running
                    grid.awaitLinkUp(0);
                    FleetHeartbeat.open(again).beat();
                    Await.until("node 1 reads LIVE again after the restart", () -> onB.read(1, LIVE).state() == NodeState.LIVE);
                    final long id = again.ring(TYPED).publish(0, again.ring(TYPED).nextVersion(), new byte[] {42});
                    final Ring ringB = b.ring(TYPED);
                    Await.until("a frame published after the restart crosses", () -> ringB.read(id).isPresent());
                }
            }
        }
    }
}
