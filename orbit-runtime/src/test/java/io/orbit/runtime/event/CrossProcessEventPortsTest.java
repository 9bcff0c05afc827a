package io.orbit.runtime.event;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.orbit.runtime.ring.CrossProcessSupport.fields;
import static io.orbit.runtime.ring.CrossProcessSupport.say;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Ports of orbit-rs {@code tests/shm_event.rs} across real JVMs (the Rust tests fork). The two
 * eventfd tests ({@code cross_process_publish_wakes_process_local_event_fd},
 * {@code one_publish_wakes_each_process_local_event_fd}) do not apply: the JDK has neither eventfd
 * nor futex, and the runtime implements no wake-up (the header's notification generation stays
 * reserved, docs/spec.md §3.3), so subscribers poll their cursors.
 */
class CrossProcessEventPortsTest
{
    private static final int SIZE = 2;

    /** shm_event.rs {@code childPublishesParentPollsEvent}: a cursor at head sees the child's one event, no lag. */
    @Test
    void childPublishesParentPollsEvent()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path()))
        {
            final OrbitEventBus bus = OrbitEventBus.open(fleet);
            final OrbitEventCursor cursor = bus.cursorAtHead();
            final long id;
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, "publish", name, "1", "child.topic", "hello-from-child"))
            {
                id = NetId64.parse(child.awaitPrefix("ID "));
                assertEquals(0, child.awaitExit());
            }
            final EventPoll poll = bus.poll(cursor);
            assertEquals(1, poll.events().size());
            assertEquals(0, poll.lost());
            final OrbitEvent event = poll.events().get(0);
            assertEquals(1, event.node());
            assertEquals(id, event.id());
            assertEquals("child.topic", event.topic());
            assertEquals("hello-from-child", event.payloadAsString());
        }
    }

    /** shm_event.rs {@code twoNodesPublishIntoIndependentLanes}: both events at counter 0 of their lanes, in node order. */
    @Test
    void twoNodesPublishIntoIndependentLanes()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path()))
        {
            final OrbitEventBus bus = OrbitEventBus.open(fleet);
            final long fromParent = bus.publish("lanes", "from-node-0");
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, "publish", name, "1", "lanes", "from-node-1"))
            {
                final long fromChild = NetId64.parse(child.awaitPrefix("ID "));
                assertEquals(0, child.awaitExit());
                final EventPoll poll = bus.poll(bus.cursorFromStart());
                assertEquals(List.of(fromParent, fromChild), poll.events().stream().map(OrbitEvent::id).toList());
                assertEquals(List.of(0, 1), poll.events().stream().map(OrbitEvent::node).toList());
                assertEquals(List.of(0L, 0L), poll.events().stream().map(OrbitEvent::counter).toList());
                assertEquals(List.of("from-node-0", "from-node-1"), poll.events().stream().map(OrbitEvent::payloadAsString).toList());
                assertEquals(0, poll.lost());
            }
        }
    }

    /** shm_event.rs {@code parentPublishesChildPollsEvent}: the child's from-start poll sees exactly the parent's event. */
    @Test
    void parentPublishesChildPollsEvent()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, SIZE, 0, dir.path()))
        {
            final long id = OrbitEventBus.open(fleet).publish("parent.topic", "hello-from-parent");
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, "poll", name, "1"))
            {
                final Map<String, String> result = fields(child.awaitPrefix("RESULT "));
                assertEquals("1", result.get("count"));
                assertEquals(NetId64.toString(id), result.get("id"));
                assertEquals("0", result.get("node"));
                assertEquals("parent.topic", result.get("topic"));
                assertEquals("hello-from-parent", result.get("payload"));
                assertEquals("0", result.get("lost"));
                assertEquals(0, child.awaitExit());
            }
        }
    }

    /** Child JVM: {@code publish fleet node topic payload} or {@code poll fleet node}. */
    public static final class Child
    {
        public static void main(final String[] args)
        {
            try (Fleet fleet = Fleet.joinShmAs(args[1], SIZE, Integer.parseInt(args[2])))
            {
                final OrbitEventBus bus = OrbitEventBus.open(fleet);
                if ("publish".equals(args[0]))
                {
                    say("ID " + NetId64.toString(bus.publish(args[3], args[4])));
                    return;
                }
                final EventPoll poll = bus.poll(bus.cursorFromStart());
                final OrbitEvent first = poll.events().get(0);
                say("RESULT count=" + poll.events().size() + " id=" + NetId64.toString(first.id()) + " node=" + first.node()
                    + " topic=" + first.topic() + " payload=" + first.payloadAsString() + " lost=" + poll.lost());
            }
        }
    }
}
