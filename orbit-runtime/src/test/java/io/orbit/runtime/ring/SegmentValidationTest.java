package io.orbit.runtime.ring;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.exceptions.SegmentNotReadyException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Attach-time validation of a ring segment (docs/spec.md §3.2, §3.3, §9 bad input): a damaged or foreign
 * segment raises its specific exception naming the file, fleet, KIND, field, expected and found value,
 * and the file is byte-for-byte unchanged afterwards.
 */
class SegmentValidationTest
{
    private static final int KIND = 7;
    private static final RingSpec SPEC = RingSpec.shared(KIND, 4, 16);

    private final ShmDirectory dir = ShmDirectory.create();
    private final String name = ShmDirectory.uniqueFleetName();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    /** Creates the segment with one frame in it, and closes the creating fleet. */
    private Path createSegment(final RingSpec spec, final int fleetSize)
    {
        try (Fleet creator = Fleet.joinShmAs(name, fleetSize, 0, dir.path()))
        {
            final Ring ring = creator.ring(spec);
            ring.publish(0, 1, new byte[] {1, 2, 3});
            return Path.of(ring.location());
        }
    }

    private static void patch(final Path file, final int offset, final ByteBuffer bytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(bytes, offset);
        }
    }

    private static void patchInt(final Path file, final int offset, final int value) throws IOException
    {
        patch(file, offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value));
    }

    private static void patchByte(final Path file, final int offset, final int value) throws IOException
    {
        patch(file, offset, ByteBuffer.wrap(new byte[] {(byte)value}));
    }

    /** Attaches with {@code spec} in a fleet of {@code fleetSize}; expects {@code type}; checks the file is unchanged. */
    private <T extends OrbitException> T assertRejected(
        final Path file, final RingSpec spec, final int fleetSize, final Class<T> type) throws IOException
    {
        final byte[] before = Files.readAllBytes(file);
        final T ex;
        try (Fleet attacher = Fleet.joinShmAs(name, fleetSize, fleetSize - 1, dir.path()))
        {
            ex = assertThrows(type, () -> attacher.ring(spec));
            assertThrows(type, () -> attacher.ring(spec), "a failed open is not cached");
        }
        assertArrayEquals(before, Files.readAllBytes(file), "nothing is written to a segment that failed validation");
        assertTrue(ex.getMessage().contains(file.toString()), "names the file: " + ex.getMessage());
        return ex;
    }

    private SegmentLayoutException assertLayoutRejected(
        final Path file, final RingSpec spec, final int fleetSize, final String field, final Object expected, final Object found)
        throws IOException
    {
        final SegmentLayoutException ex = assertRejected(file, spec, fleetSize, SegmentLayoutException.class);
        final String message = ex.getMessage();
        assertTrue(message.contains("fleet " + name), message);
        assertTrue(message.contains("KIND " + spec.kind()), message);
        assertTrue(message.contains("field " + field + " expected " + expected + " but found " + found), message);
        return ex;
    }

    @Test
    void wrongMagic() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        patchInt(file, 16, 0x12345678);
        assertLayoutRejected(file, SPEC, 2, "magic", 0x4F524254, 0x12345678);
    }

    @Test
    void wrongVersion() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        patchInt(file, 20, 2);
        assertLayoutRejected(file, SPEC, 2, "version", 3, 2);
    }

    @Test
    void wrongKindByte() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        patchByte(file, 32, 8);
        assertLayoutRejected(file, SPEC, 2, "kind", 7, 8);
    }

    @Test
    void wrongCapacity() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        assertLayoutRejected(file, RingSpec.shared(KIND, 8, 16), 2, "capacity", 8, 4);
    }

    @Test
    void wrongPayloadCapacity() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        assertLayoutRejected(file, RingSpec.shared(KIND, 4, 32), 2, "payload_capacity", 32, 16);
    }

    @Test
    void wrongSlotStride() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        patchInt(file, 28, 128);
        assertLayoutRejected(file, SPEC, 2, "slot_stride", 64, 128);
    }

    @Test
    void wrongTopology() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        assertLayoutRejected(file, RingSpec.perNode(KIND, 4, 16), 2, "topology", 1, 0);
    }

    @Test
    void laneCountOfAnotherFleetSize() throws IOException
    {
        final RingSpec perNode = RingSpec.perNode(KIND, 4, 16);
        final Path file = createSegment(perNode, 3);
        assertLayoutRejected(file, perNode, 4, "lane_count", 4, 3);
    }

    @Test
    void sharedOrderedSegmentOfTheRustCrateIsRejected() throws IOException // replaces ring/shm.rs shared_ordered_* and shm_ring.rs shared_ordered_*
    {
        final Path file = createSegment(SPEC, 2);
        patchByte(file, 33, 2);
        final SegmentLayoutException ex = assertRejected(file, SPEC, 2, SegmentLayoutException.class);
        assertTrue(ex.getMessage().contains("SHARED_ORDERED"), ex.getMessage());
        assertTrue(ex.getMessage().contains("topology is 2"), ex.getMessage());
        assertTrue(ex.getMessage().contains("KIND 7"), ex.getMessage());
    }

    @Test
    void truncatedFile() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(200);
        }
        assertLayoutRejected(file, SPEC, 2, "file size", 384, 200);
    }

    @Test
    void differentFingerprintsAreRejectedWhenBothAreKnown() throws IOException
    {
        final RingSpec created = new RingSpec(KIND, 4, 16, Topology.SHARED, 0x1111L);
        final Path file = createSegment(created, 2);
        final SegmentLayoutException ex =
            assertRejected(file, new RingSpec(KIND, 4, 16, Topology.SHARED, 0x2222L), 2, SegmentLayoutException.class);
        assertTrue(ex.getMessage().contains("layout_fingerprint expected 0x2222 but found 0x1111"), ex.getMessage());
        assertTrue(ex.getMessage().contains("KIND 7") && ex.getMessage().contains(name), ex.getMessage());

        try (Fleet unspecified = Fleet.joinShmAs(name, 2, 1, dir.path()))
        {
            assertEquals(1, unspecified.ring(SPEC).head(), "fingerprint 0 (unspecified) attaches to any fingerprint");
        }
    }

    @Test
    void aKnownFingerprintAttachesToAnUnspecifiedOne() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        try (Fleet typed = Fleet.joinShmAs(name, 2, 1, dir.path()))
        {
            final Ring ring = typed.ring(new RingSpec(KIND, 4, 16, Topology.SHARED, 0x3333L));
            assertEquals(1, ring.head());
        }
        assertEquals(0, ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).getLong(40),
            "an attacher never rewrites the header");
    }

    @Test
    void segmentWhoseMagicIsStillZeroIsNotReady() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        patchInt(file, 16, 0);
        assertNotReady(file);
    }

    @Test
    void segmentShorterThanItsHeaderIsNotReady() throws IOException
    {
        final Path file = createSegment(SPEC, 2);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(10);
        }
        assertNotReady(file);
    }

    private void assertNotReady(final Path file) throws IOException
    {
        final long timeoutMs = 100;
        // Changed "now" from the store's view: a creator may still be at work, so it is reported, never replaced.
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        try (SystemProperty timeout = SystemProperty.set(OrbitProperties.ATTACH_TIMEOUT_PROPERTY, Long.toString(timeoutMs)))
        {
            final long start = System.nanoTime();
            final SegmentNotReadyException ex = assertRejected(file, SPEC, 2, SegmentNotReadyException.class);
            final long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waitedMs >= timeoutMs, "waited for the bound first: " + waitedMs + " ms");
            assertTrue(ex.getMessage().contains("Retry the join"), "tells the user what to do: " + ex.getMessage());
            assertTrue(ex.getMessage().contains(timeoutMs + " ms"), ex.getMessage());
        }
    }

    @Test
    void processLocalFleetsValidateToo()
    {
        final String local = ShmDirectory.uniqueFleetName();
        try (Fleet node0 = Fleet.joinAs(local, 2, 0); Fleet node1 = Fleet.joinAs(local, 2, 1))
        {
            node0.ring(SPEC).publish(0, 1, new byte[] {1});
            final Executable attach = () -> node1.ring(RingSpec.shared(KIND, 8, 16));
            final SegmentLayoutException ex = assertThrows(SegmentLayoutException.class, attach);
            assertTrue(ex.getMessage().contains("local:" + local), ex.getMessage());
            assertTrue(ex.getMessage().contains("field capacity expected 8 but found 4"), ex.getMessage());
            assertEquals(1, node1.ring(SPEC).head(), "the segment is intact");
        }
    }

    @Test
    void aSegmentLargerThanAMappingIsRefusedBeforeAnythingIsCreated() throws IOException
    {
        final RingSpec huge = RingSpec.perNode(KIND, 1 << 16, 1 << 16); // 64 + 64 + 65536 * 65600 bytes > 2 GiB
        final Path file = dir.resolve("orbit-" + name + "-" + KIND + "-" + Files.getAttribute(dir.path(), "unix:uid"));
        for (final FleetBacking backing : FleetBacking.values())
        {
            try (Fleet fleet = backing.join(dir, name, 1, 0))
            {
                final OrbitException ex = assertThrows(OrbitException.class, () -> fleet.ring(huge));
                assertTrue(ex.getMessage().contains(Long.toString(huge.segmentLength(1))), ex.getMessage());
                assertTrue(ex.getMessage().contains("limit"), ex.getMessage());
                assertTrue(ex.getMessage().contains("orbit-" + name + "-" + KIND), "names the segment: " + ex.getMessage());
                assertFalse(Files.exists(file), "no file is left behind");
                assertEquals(0, fleet.ring(SPEC).head(), "the fleet stays usable");
            }
            Files.deleteIfExists(file);
        }
    }
}
