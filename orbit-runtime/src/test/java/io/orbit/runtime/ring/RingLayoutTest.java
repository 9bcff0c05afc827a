package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bytes of a ring segment file, read back with plain java.nio and checked against docs/spec.md §3.1 and
 * §3.3 (orbit-rs layout VERSION 3) with literal offsets, independent of the runtime's own constants.
 */
class RingLayoutTest
{
    private static final long FINGERPRINT = 0x0123_4567_89AB_CDEFL;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private int uid() throws IOException
    {
        return (Integer)Files.getAttribute(dir.path(), "unix:uid"); // the test created it: owned by the effective uid
    }

    private static ByteBuffer read(final Path file) throws IOException
    {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] payload(final int i)
    {
        final byte[] bytes = new byte[10 + i];
        for (int b = 0; b < bytes.length; b++)
        {
            bytes[b] = (byte)(0xA0 + i * 16 + b);
        }
        return bytes;
    }

    @Test
    void perNodeSegmentMatchesTheSpecByteForByte() throws IOException
    {
        final int capacity = 4;
        final int payloadCapacity = 40;
        final int stride = 128; // round_up(32 + 40, 64)
        final int lanes = 3;
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = Fleet.joinShmAs(name, lanes, 1, dir.path()))
        {
            final Ring ring = fleet.ring(new RingSpec(9, capacity, payloadCapacity, Topology.PER_NODE, FINGERPRINT));
            final long[] ids = new long[3];
            for (int i = 0; i < ids.length; i++)
            {
                ids[i] = ring.publish(5 + i, 100 + i, payload(i));
            }
            ring.nextVersion();
            ring.nextVersion();

            final Path file = dir.resolve("orbit-" + name + "-9-" + uid());
            assertEquals(file.toString(), ring.location());
            final ByteBuffer segment = read(file);

            assertEquals(64 + 64 * lanes + (long)lanes * capacity * stride, segment.capacity(), "file size");
            assertEquals(2, segment.getLong(0), "version_counter after two nextVersion calls");
            assertEquals(capacity, segment.getLong(8), "capacity");
            assertEquals(0x4F524254, segment.getInt(16), "magic");
            assertEquals('T', segment.get(16));
            assertEquals('B', segment.get(17));
            assertEquals('R', segment.get(18));
            assertEquals('O', segment.get(19));
            assertEquals(3, segment.getInt(20), "version");
            assertEquals(payloadCapacity, segment.getInt(24), "payload_capacity");
            assertEquals(stride, segment.getInt(28), "slot_stride");
            assertEquals(9, segment.get(32), "kind");
            assertEquals(1, segment.get(33), "topology PER_NODE");
            assertEquals(lanes, segment.getShort(34), "lane_count");
            assertEquals(0, segment.getInt(36), "notification_generation");
            assertEquals(FINGERPRINT, segment.getLong(40), "layout_fingerprint");
            for (int offset = 48; offset < 64; offset++)
            {
                assertEquals(0, segment.get(offset), "reserved header byte " + offset);
            }

            for (int lane = 0; lane < lanes; lane++)
            {
                final int header = 64 + 64 * lane;
                assertEquals(lane == 1 ? 3 : 0, segment.getLong(header), "write_pos of lane " + lane);
                for (int offset = 8; offset < 64; offset++)
                {
                    assertEquals(0, segment.get(header + offset), "lane " + lane + " header byte " + offset);
                }
            }

            for (int i = 0; i < capacity; i++)
            {
                final int slot = 64 + 64 * lanes + (1 * capacity + i) * stride;
                if (i >= ids.length)
                {
                    assertEquals(0, segment.getLong(slot), "unwritten slot stamp");
                    continue;
                }
                final byte[] expected = payload(i);
                assertEquals(2L * i + 2, segment.getLong(slot), "stamp 2c+2 of committed counter " + i);
                assertEquals(ids[i], segment.getLong(slot + 8), "id");
                assertEquals(NetId64.make(9, 1, i), segment.getLong(slot + 8));
                assertEquals(100 + i, segment.getLong(slot + 16), "version");
                assertEquals(expected.length, segment.getInt(slot + 24), "payload_len");
                assertEquals(5 + i, segment.get(slot + 28), "frame_kind");
                assertEquals(0, segment.get(slot + 29));
                assertEquals(0, segment.get(slot + 30));
                assertEquals(0, segment.get(slot + 31));
                for (int b = 0; b < expected.length; b++)
                {
                    assertEquals(expected[b], segment.get(slot + 32 + b), "payload byte " + b);
                }
                for (int b = expected.length; b < stride - 32; b++)
                {
                    assertEquals(0, segment.get(slot + 32 + b), "bytes past the payload");
                }
            }
            for (final int otherLane : new int[] {0, 2})
            {
                for (int offset = 64 + 64 * lanes + otherLane * capacity * stride; offset < 64 + 64 * lanes
                    + (otherLane + 1) * capacity * stride; offset++)
                {
                    assertEquals(0, segment.get(offset), "lane " + otherLane + " is untouched at " + offset);
                }
            }
        }
    }

    @Test
    void sharedSegmentHasOneLaneAndWrapsSlotIndices() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = Fleet.joinShmAs(name, 4, 2, dir.path()))
        {
            final Ring ring = fleet.ring(RingSpec.shared(11, 4, 16));
            for (int i = 0; i < 5; i++)
            {
                ring.publish(0, i, new byte[] {(byte)i});
            }
            final ByteBuffer segment = read(Path.of(ring.location()));

            assertEquals(64 + 64 + 4 * 64, segment.capacity());
            assertEquals(0, segment.getLong(0), "version_counter");
            assertEquals(0, segment.get(33), "topology SHARED");
            assertEquals(1, segment.getShort(34), "lane_count");
            assertEquals(0, segment.getLong(40), "no fingerprint");
            assertEquals(5, segment.getLong(64), "write_pos of the shared lane");

            final int slot0 = 64 + 64;
            assertEquals(2L * 4 + 2, segment.getLong(slot0), "counter 4 wrapped onto slot 0");
            assertEquals(NetId64.make(11, 2, 4), segment.getLong(slot0 + 8));
            assertEquals(4, segment.get(slot0 + 32));
            assertEquals(2L * 1 + 2, segment.getLong(slot0 + 64), "slot 1 still holds counter 1");
        }
    }

    @ParameterizedTest(name = "{0}({1},{2}) fleet {3} -> {4} bytes")
    @CsvSource({
        "SHARED, 4, 16, 1, 384",    // shm_ring.rs: segment_size_uses_the_ring_payload_capacity
        "SHARED, 4, 256, 1, 1408",  // shm_ring.rs: segment_size_uses_the_ring_payload_capacity
        "SHARED, 4, 16, 3, 384",
        "PER_NODE, 4, 16, 3, 1024", // shm_ring.rs: per_node_segment_size_multiplies_the_lane_storage
        "PER_NODE, 4, 16, 1, 384"})
    void segmentSizeFollowsTheRingSpec(
        final Topology topology, final int capacity, final int payloadCapacity, final int fleetSize, final long size)
        throws IOException
    {
        try (Fleet fleet = Fleet.joinShmAs(ShmDirectory.uniqueFleetName(), fleetSize, 0, dir.path()))
        {
            final Ring ring = fleet.ring(new RingSpec(7, capacity, payloadCapacity, topology, 0));
            assertEquals(size, Files.size(Path.of(ring.location())));
        }
    }

    @Test
    void segmentAndNodeLockFilesAreOwnerReadWriteOnly() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = Fleet.joinShmAs(name, 3, 2, dir.path()))
        {
            fleet.ring(RingSpec.perNode(7, 4, 16));
            fleet.ring(RingSpec.shared(8, 4, 16));
            final int uid = uid();
            for (final String file : new String[] {
                "orbit-" + name + "-7-" + uid, "orbit-" + name + "-8-" + uid, "orbit-" + name + "-node2-" + uid + ".lock"})
            {
                final Path path = dir.resolve(file);
                assertTrue(Files.exists(path), file);
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), file);
                assertEquals(uid, (Integer)Files.getAttribute(path, "unix:uid"), file);
            }
        }
    }
}
