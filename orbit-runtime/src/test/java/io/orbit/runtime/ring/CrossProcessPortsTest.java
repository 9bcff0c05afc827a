package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.orbit.runtime.ring.CrossProcessSupport.fields;
import static io.orbit.runtime.ring.CrossProcessSupport.say;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Ports of orbit-rs {@code tests/shm_cross_process.rs} and {@code tests/shm_fleet.rs}: two real
 * JVMs share one ring segment. The Rust tests fork; here the parent starts a child JVM on the test
 * class path and the two meet in a private shared-memory directory. {@code shm_fleet.rs} stores a
 * {@code u64} through a typed Orbital; until the generated Orbital exists these are the raw-ring
 * equivalents (frame kind 0, version from the fleet-wide version counter, the value as 8
 * little-endian bytes, load = newest frame of the ring).
 */
class CrossProcessPortsTest
{
    private static final int FLEET_KIND = 41;

    private static RingSpec spec(final int kind, final Topology topology)
    {
        return new RingSpec(kind, 16, 64, topology, 0);
    }

    private static RingSpec counterSpec()
    {
        return RingSpec.perNode(FLEET_KIND, 16, 8); // shm_fleet.rs: CrossCounter(u64), RingSpec (16, 8)
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** shm_cross_process.rs {@code parentWritesChildReads}. */
    @ParameterizedTest
    @EnumSource(Topology.class)
    void parentWritesChildReads(final Topology topology)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final Ring ring = fleet.ring(spec(7, topology));
            assertTrue(ring.created());
            final long id = ring.publish(0, 99, utf8("hello-from-parent"));
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, "read", name, "2", "1", topology.name(),
                Long.toString(id)))
            {
                final Map<String, String> result = fields(child.awaitPrefix("RESULT "));
                assertEquals("false", result.get("created"));
                assertEquals(NetId64.toString(id), result.get("id"));
                assertEquals("0", result.get("frameKind"));
                assertEquals("99", result.get("version"));
                assertEquals("hello-from-parent", result.get("payload"));
                assertEquals(0, child.awaitExit());
            }
        }
    }

    /** shm_cross_process.rs {@code childWritesParentReads} (the child attaches: it is not the creator). */
    @ParameterizedTest
    @EnumSource(Topology.class)
    void childWritesParentReads(final Topology topology)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final Ring ring = fleet.ring(spec(11, topology));
            assertTrue(ring.created());
            assertTrue(ring.readHead().isEmpty());
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, "write", name, "2", "1", topology.name(),
                "0", "7", "hello-from-child"))
            {
                final Map<String, String> result = fields(child.awaitPrefix("RESULT "));
                assertEquals("false", result.get("created"), "the child must attach, not create");
                assertEquals(0, child.awaitExit());

                final Frame head = ring.readHead().orElseThrow();
                assertEquals(result.get("id"), NetId64.toString(head.id()));
                assertEquals(1, NetId64.node(head.id()));
                assertEquals(11, NetId64.kind(head.id()));
                assertEquals(0, head.frameKind());
                assertEquals(7, head.version());
                assertEquals("hello-from-child", head.payloadAsString());
            }
        }
    }

    /**
     * shm_cross_process.rs {@code pingPongTwoWritesOneEachSide}: the parent (node 0) writes
     * "ping", the child (node 2) waits for it in shared memory and answers "pong" on the same
     * SHARED ring: head 2, the head frame is "pong" from node 2, "ping" from node 0 is still readable.
     */
    @Test
    void pingPongTwoWritesOneEachSide()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
        {
            final Ring ring = fleet.ring(spec(13, Topology.SHARED));
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, "pong", name, "3", "2", Topology.SHARED.name()))
            {
                child.awaitLine("READY"::equals);
                final long ping = ring.publish(0, 1, utf8("ping"));
                final Map<String, String> got = fields(child.awaitPrefix("GOT "));
                assertEquals(NetId64.toString(ping), got.get("id"));
                assertEquals("ping", got.get("payload"));
                final Map<String, String> result = fields(child.awaitPrefix("RESULT "));
                assertEquals(0, child.awaitExit());

                assertEquals(2, ring.head(0));
                final Frame head = ring.readHead().orElseThrow();
                assertEquals("pong", head.payloadAsString());
                assertEquals(2, NetId64.node(head.id()));
                assertEquals(1, NetId64.counter(head.id()));
                assertEquals(result.get("id"), NetId64.toString(head.id()));
                final Frame first = ring.read(ping).orElseThrow();
                assertEquals("ping", first.payloadAsString());
                assertEquals(0, NetId64.node(first.id()));
            }
        }
    }

    /** shm_fleet.rs {@code parentPublishesViaOrbitalChildLoads}, on the raw ring. */
    @Test
    void parentPublishesViaOrbitalChildLoads()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            assertTrue(fleet.isShm());
            final Ring ring = fleet.ring(counterSpec());
            final long id = store(ring, 0xCAFEF00DL);
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, "load", name, "2", "1"))
            {
                final Map<String, String> result = fields(child.awaitPrefix("RESULT "));
                assertEquals("true", result.get("shm"));
                assertEquals("0xcafef00d", result.get("value"));
                assertEquals(NetId64.toString(id), result.get("id"));
                assertEquals("1", result.get("version"));
                assertEquals(0, child.awaitExit());
            }
        }
    }

    /** shm_fleet.rs {@code childPublishesParentLoads}, on the raw ring. */
    @Test
    void childPublishesParentLoads()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final Ring ring = fleet.ring(counterSpec());
            assertTrue(ring.readHead().isEmpty());
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, "store", name, "2", "1", "0xdeadbeef"))
            {
                final Map<String, String> result = fields(child.awaitPrefix("RESULT "));
                assertEquals(0, child.awaitExit());
                final Frame head = ring.readHead().orElseThrow();
                assertEquals(result.get("id"), NetId64.toString(head.id()));
                assertEquals(1, NetId64.node(head.id()));
                assertEquals(0xDEADBEEFL, ByteBuffer.wrap(head.payload()).order(ByteOrder.LITTLE_ENDIAN).getLong());
                assertEquals(1, head.version());
                assertEquals(1, ring.currentVersion());
            }
        }
    }

    /** The raw-ring "Orbital store": frame kind 0, fleet-wide version, the u64 little-endian. */
    static long store(final Ring ring, final long value)
    {
        final UnsafeBuffer bytes = new UnsafeBuffer(new byte[8]);
        bytes.putLong(0, value); // UnsafeBuffer is little-endian on the platforms Orbit runs on (checked at join)
        return ring.publish(0, ring.nextVersion(), bytes, 0, 8);
    }

    /**
     * Child JVM: {@code mode fleet size node [topology] [args...]}. Joins the fleet through
     * {@code -Dorbit.shm.dir}, does one side of a test, prints {@code RESULT key=value ...}, exits.
     */
    public static final class Child
    {
        public static void main(final String[] args)
        {
            final String mode = args[0];
            final String name = args[1];
            final int size = Integer.parseInt(args[2]);
            final int node = Integer.parseInt(args[3]);
            try (Fleet fleet = Fleet.joinShmAs(name, size, node))
            {
                switch (mode)
                {
                    case "read" -> read(fleet.ring(spec(7, Topology.valueOf(args[4]))), Long.parseLong(args[5]));
                    case "write" -> write(fleet.ring(spec(11, Topology.valueOf(args[4]))), args[5], args[6], args[7]);
                    case "pong" -> pong(fleet.ring(spec(13, Topology.valueOf(args[4]))));
                    case "load" -> load(fleet, fleet.ring(counterSpec()));
                    case "store" -> say("RESULT id=" + NetId64.toString(
                        store(fleet.ring(counterSpec()), Long.parseUnsignedLong(args[4].substring(2), 16))));
                    default -> throw new IllegalArgumentException("unknown mode " + mode);
                }
            }
        }

        private static void read(final Ring ring, final long id)
        {
            final Frame frame = ring.read(id).orElseThrow(() -> new AssertionError("frame " + NetId64.toString(id) + " not readable"));
            say("RESULT created=" + ring.created() + " id=" + NetId64.toString(frame.id()) + " frameKind=" + frame.frameKind()
                + " version=" + frame.version() + " payload=" + frame.payloadAsString());
        }

        private static void write(final Ring ring, final String frameKind, final String version, final String payload)
        {
            final long id = ring.publish(Integer.parseInt(frameKind), Long.parseLong(version), utf8(payload));
            say("RESULT created=" + ring.created() + " id=" + NetId64.toString(id));
        }

        private static void pong(final Ring ring)
        {
            final RingCursor cursor = ring.cursorFromStart();
            say("READY");
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            RingPoll poll = cursor.poll();
            while (poll.frames().isEmpty())
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new AssertionError("no ping within 30 s");
                }
                Thread.onSpinWait();
                poll = cursor.poll();
            }
            final Frame ping = poll.frames().get(0);
            say("GOT id=" + NetId64.toString(ping.id()) + " payload=" + ping.payloadAsString());
            final long id = ring.publish(0, 2, utf8("pong"));
            say("RESULT id=" + NetId64.toString(id));
        }

        private static void load(final Fleet fleet, final Ring ring)
        {
            final Frame frame = ring.readHead().orElseThrow(() -> new AssertionError("nothing stored"));
            final long value = ByteBuffer.wrap(frame.payload()).order(ByteOrder.LITTLE_ENDIAN).getLong();
            say("RESULT shm=" + fleet.isShm() + " value=0x" + Long.toHexString(value) + " id=" + NetId64.toString(frame.id())
                + " version=" + frame.version());
        }
    }
}
