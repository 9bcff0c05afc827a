package io.orbit.runtime.heartbeat;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.exceptions.SegmentNotReadyException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.ring.SystemProperty;
import io.orbit.runtime.segment.MappedFileStore;
import io.orbit.runtime.segment.ProcessIdentity;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The heartbeat table's segment: created 0600 with its own header, and refused on attach with a
 * {@link SegmentLayoutException} naming the file, fleet, KIND, field, expected and found value when
 * any header field differs. A refused file is left byte for byte as it was.
 */
class HeartbeatTableValidationTest
{
    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private Path tableFile(final String fleet)
    {
        return dir.resolve("orbit-" + fleet + "-221-" + ProcessIdentity.uid());
    }

    @Test
    void aNewTableHasTheDocumentedHeaderAndOwnerOnlyPermissions() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = Fleet.joinShmAs(name, 5, 0, dir.path()))
        {
            FleetHeartbeat.open(fleet).beat();
        }
        final Path file = tableFile(name);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(64 + 5 * 64, bytes.capacity());
        assertEquals(0x4F484254, bytes.getInt(16), "magic OHBT");
        assertEquals(1, bytes.getInt(20), "version");
        assertEquals(221, bytes.get(24) & 0xFF, "kind");
        assertEquals(5, bytes.getInt(8), "slot_count");
        assertEquals(64, bytes.getInt(12), "slot_size");
        assertEquals(2, bytes.getLong(64), "node 0's stamp: one committed beat");
        assertEquals(1, bytes.getLong(64 + 8), "node 0's beats");
        assertEquals(ProcessHandle.current().pid(), bytes.getLong(64 + 24), "node 0's pid");
        assertEquals(0, bytes.getLong(64 + 64), "node 1 never beat");
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void aFleetOfAnotherSizeIsRefusedBySlotCount(final FleetBacking backing) throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet three = backing.join(dir, name, 3, 0))
        {
            FleetHeartbeat.open(three).beat();
            final byte[] before = backing == FleetBacking.SHM ? Files.readAllBytes(tableFile(name)) : null;
            try (Fleet four = backing.join(dir, name, 4, 3))
            {
                final SegmentLayoutException refused = assertThrows(SegmentLayoutException.class, () -> FleetHeartbeat.open(four));
                final String message = refused.getMessage();
                assertTrue(message.contains("slot_count expected 4 but found 3"), message);
                assertTrue(message.contains("KIND 221") && message.contains(name), message);
            }
            if (before != null)
            {
                assertArrayEquals(before, Files.readAllBytes(tableFile(name)), "a refused table is left unchanged");
            }
            assertEquals(1, FleetHeartbeat.open(three).read(0, java.time.Duration.ofDays(1)).beats());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "16, 4, 0x4F484255, magic",
        "20, 4, 2, version",
        "24, 1, 222, kind",
        "8, 4, 2, slot_count",
        "12, 4, 128, slot_size",
    })
    void aWrongHeaderFieldIsNamedAndTheFileIsLeftUnchanged(
        final int offset, final int size, final String value, final String field) throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Path file = tableFile(name);
        try (Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
        {
            FleetHeartbeat.open(fleet).beat();
        }
        final byte[] damaged = Files.readAllBytes(file);
        final ByteBuffer header = ByteBuffer.wrap(damaged).order(ByteOrder.LITTLE_ENDIAN);
        final long number = Long.decode(value);
        switch (size)
        {
            case 1 -> header.put(offset, (byte)number);
            default -> header.putInt(offset, (int)number);
        }
        Files.write(file, damaged);
        Files.setPosixFilePermissions(file, MappedFileStore.OWNER_ONLY);
        assertRefused(name, file, damaged, "field " + field + " expected");
    }

    @Test
    void aTruncatedTableIsRefusedByFileSize() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Path file = tableFile(name);
        try (Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
        {
            FleetHeartbeat.open(fleet);
        }
        final byte[] truncated = Arrays.copyOf(Files.readAllBytes(file), 64 + 2 * 64);
        Files.write(file, truncated);
        Files.setPosixFilePermissions(file, MappedFileStore.OWNER_ONLY);
        assertRefused(name, file, truncated, "field file size expected 256 but found 192");
    }

    @Test
    void aRingSegmentUnderTheHeartbeatKindIsRecognised() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Path file = tableFile(name);
        final byte[] ring = new byte[64 + 3 * 64];
        ByteBuffer.wrap(ring).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0x4F524254).putInt(20, 3).put(32, (byte)221);
        Files.write(file, ring);
        Files.setPosixFilePermissions(file, MappedFileStore.OWNER_ONLY);
        assertRefused(name, file, ring, "this is a ring segment");
    }

    /** Random headers (ready word non-zero): a SegmentLayoutException every time, never anything else, file unchanged. */
    @Test
    void randomHeadersAreRefusedWithALayoutExceptionOnly() throws IOException
    {
        final Random random = new Random(221);
        final String name = ShmDirectory.uniqueFleetName();
        final Path file = tableFile(name);
        for (int i = 0; i < 300; i++)
        {
            final byte[] bytes = new byte[random.nextInt(4) == 0 ? 64 + random.nextInt(400) : 64 + 3 * 64];
            random.nextBytes(bytes);
            if (ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(16) == 0)
            {
                bytes[16] = 1;
            }
            Files.write(file, bytes);
            Files.setPosixFilePermissions(file, MappedFileStore.OWNER_ONLY);
            assertRefused(name, file, bytes, "heartbeat table");
        }
    }

    @Test
    void aTableThatNeverBecomesReadyIsReportedNotWaitedOnForever() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Path file = tableFile(name);
        Files.write(file, new byte[64 + 3 * 64]); // magic still 0: an in-place creator still at work, or dead
        Files.setPosixFilePermissions(file, MappedFileStore.OWNER_ONLY);
        // Changed "now" (from the store's view): its creator may be at work, so it is reported, not replaced.
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        try (SystemProperty ignored = SystemProperty.set(OrbitProperties.ATTACH_TIMEOUT_PROPERTY, "50");
            Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
        {
            final SegmentNotReadyException notReady = assertThrows(SegmentNotReadyException.class, () -> FleetHeartbeat.open(fleet));
            assertTrue(notReady.getMessage().contains(file.toString()) && notReady.getMessage().contains("Retry"), notReady.getMessage());
            // Unchanged for longer than the attach timeout: its creator is gone, and the next join replaces it.
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            FleetHeartbeat.open(fleet).beat();
        }
    }

    private void assertRefused(final String name, final Path file, final byte[] expectedBytes, final String messagePart)
        throws IOException
    {
        try (Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
        {
            final OrbitException refused = assertThrows(OrbitException.class, () -> FleetHeartbeat.open(fleet));
            assertInstanceOf(SegmentLayoutException.class, refused, refused.toString());
            assertTrue(refused.getMessage().contains(messagePart), refused.getMessage());
            assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("KIND 221"), refused.getMessage());
        }
        assertArrayEquals(expectedBytes, Files.readAllBytes(file), "nothing is written to a refused table");
    }
}
