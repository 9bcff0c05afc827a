package io.orbit.runtime.contest;

import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.fleet.SegmentNames;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.segment.MappedFileStore;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.orbit.runtime.contest.ContestFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Bad input never writes: oversize labels, bad arguments, and tables whose layout does not match
 * (another slot count, an orbit-rs version-1 table, a 0.1 version-2 table, a foreign file) are refused with a specific
 * exception naming the fleet, KIND, field and limit, and the segment is left byte for byte as it was.
 */
class ContestValidationTest
{
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void labelsPastTheirLimitsAreRefusedBeforeAnythingIsWritten(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest contest = f.contest(0);
            final byte[] before = tableBytes(contest);

            final String euros = "€".repeat(41); // 41 characters, 123 UTF-8 bytes: the limit counts bytes
            final PayloadTooLargeException subject = assertThrows(PayloadTooLargeException.class,
                () -> contest.tryClaim(JOBS, euros, "owner", LONG));
            assertMessage(subject, f.name, "222", "subject label", "123", "120");
            final PayloadTooLargeException owner = assertThrows(PayloadTooLargeException.class,
                () -> contest.tryClaim(JOBS, "subject", "o".repeat(65), LONG));
            assertMessage(owner, f.name, "222", "owner label", "65", "64");
            assertThrows(PayloadTooLargeException.class, () -> contest.holder(JOBS, "s".repeat(121)));
            assertArrayEquals(before, tableBytes(contest));
            assertEquals(0, contest.lastFenceToken());

            final Guard atLimits = claimed(contest.tryClaim(JOBS, "s".repeat(120), "o".repeat(64), LONG));
            assertEquals("s".repeat(120), atLimits.holder().label());
            assertEquals("o".repeat(64), f.contest(1).holder(JOBS, "s".repeat(120)).orElseThrow().owner());
            final Guard unicode = claimed(contest.tryClaim(JOBS, "€".repeat(40), "Zoë", LONG));
            assertEquals("Zoë", f.contest(2).tryClaim(JOBS, "€".repeat(40), "x", LONG).holder().owner());
            assertTrue(unicode.release());
        }
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void badArgumentsAreRefusedWithInvalidArgument(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest contest = f.contest(0);
            final byte[] before = tableBytes(contest);
            assertInvalid(() -> contest.tryClaim(JOBS, null, "owner", LONG), f.name, "subject label");
            assertInvalid(() -> contest.tryClaim(JOBS, "subject", null, LONG), f.name, "owner label");
            assertInvalid(() -> contest.tryClaim(JOBS, "", "owner", LONG), f.name, "subject label");
            assertInvalid(() -> contest.tryClaim(JOBS, "subject", "", LONG), f.name, "owner label");
            assertInvalid(() -> contest.tryClaim(JOBS, "subject", "owner", null), f.name, "ttl");
            assertInvalid(() -> contest.tryClaim(JOBS, "subject", "owner", Duration.ZERO), f.name, "ttl");
            assertInvalid(() -> contest.tryClaim(JOBS, "subject", "owner", Duration.ofMillis(-1)), f.name, "ttl");
            assertInvalid(() -> contest.tryClaim(256, "subject", "owner", LONG), f.name, "0..255");
            assertInvalid(() -> contest.tryClaim(-1, "subject", "owner", LONG), f.name, "0..255");
            assertArrayEquals(before, tableBytes(contest));

            final Guard guard = claimed(contest.tryClaim(255, "subject", "owner", LONG));
            assertInvalid(() -> guard.renew(Duration.ZERO), f.name, "ttl");
            assertInvalid(() -> guard.renew(null), f.name, "ttl");
            assertEquals(guard.fenceToken(), f.contest(1).holder(255, "subject").orElseThrow().fenceToken());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -4, 3, 1000, 1 << 21})
    void slotCountsMustBePowersOfTwoWithinBounds(final int slotCount)
    {
        try (ContestFixture f = new ContestFixture(FleetBacking.LOCAL))
        {
            final Fleet fleet = f.join(0);
            assertInvalid(() -> Contest.builder(fleet).slotCount(slotCount), f.name, "power of two");
        }
    }

    @Test
    void builderRefusesNullClockAndNonPositivePendingBound()
    {
        try (ContestFixture f = new ContestFixture(FleetBacking.LOCAL))
        {
            final Fleet fleet = f.join(0);
            assertInvalid(() -> Contest.builder(fleet).clock(null), f.name, "clock");
            assertInvalid(() -> Contest.builder(fleet).pendingBound(Duration.ZERO), f.name, "pending bound");
            assertThrows(InvalidArgumentException.class, () -> Contest.builder(null));
        }
    }

    @Test
    void aHugeTtlSaturatesInsteadOfWrapping()
    {
        try (ContestFixture f = new ContestFixture(FleetBacking.LOCAL))
        {
            final Guard guard = claimed(f.contest(0).tryClaim(JOBS, "forever", "me", Duration.ofDays(365L * 1000)));
            f.advanceMillis(Duration.ofDays(365L * 100).toMillis());
            assertEquals(guard.fenceToken(), yielded(f.contest(1).tryClaim(JOBS, "forever", "other", LONG)).fenceToken());
        }
    }

    /** Attaching with another slot count names the field, the expected and the found value, and writes nothing. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void attachingWithAnotherSlotCountIsRefusedAndWritesNothing(final FleetBacking backing)
    {
        try (ContestFixture f = new ContestFixture(backing))
        {
            final Contest existing = f.contest(0, 16);
            claimed(existing.tryClaim(JOBS, "subject", "owner", LONG));
            final byte[] before = tableBytes(existing);
            final Fleet other = f.join(1);
            final SegmentLayoutException ex = assertThrows(SegmentLayoutException.class,
                () -> Contest.builder(other).clock(f.clock).slotCount(32).open());
            assertMessage(ex, f.name, "KIND 222", "slot_count expected 32 but found 16");
            assertArrayEquals(before, tableBytes(existing));
            assertEquals(16, Contest.builder(other).clock(f.clock).slotCount(16).open().capacity());
        }
    }

    /**
     * Tables of other versions are refused on their version and left intact: orbit-rs era C (OCST
     * version 1, 320-byte slots), and Orbit for Java 0.1 (version 2: FREE slots never keyed, another
     * checksum; a 0.1 process sharing the table would not find released subjects and could insert a
     * second lease of one).
     */
    @ParameterizedTest
    @CsvSource({"1, 320", "2, 256"})
    void tableOfAnotherVersionIsRefusedOnItsVersionAndLeftIntact(final short version, final int slotSize) throws Exception
    {
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final String name = ShmDirectory.uniqueFleetName();
            final ByteBuffer header = ByteBuffer.allocate(64 + 1024 * slotSize).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0, 0x4F435354).putShort(4, version).putShort(6, (short)64).putInt(8, 1024).putInt(12, slotSize);
            final Path file = dir.resolve(SegmentNames.segment(name, 222));
            Files.write(file, header.array());
            Files.setPosixFilePermissions(file, MappedFileStore.OWNER_ONLY);
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
            {
                final SegmentLayoutException ex = assertThrows(SegmentLayoutException.class, () -> Contest.open(fleet));
                assertMessage(ex, name, "KIND 222", file.toString(), "version expected 3 but found " + version);
            }
            assertArrayEquals(header.array(), Files.readAllBytes(file));
        }
    }

    @Test
    void foreignFileIsRefusedOnItsMagic() throws Exception
    {
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final String name = ShmDirectory.uniqueFleetName();
            final byte[] junk = new byte[4096];
            junk[0] = 0x7F;
            final Path file = dir.resolve(SegmentNames.segment(name, 222));
            Files.write(file, junk);
            Files.setPosixFilePermissions(file, MappedFileStore.OWNER_ONLY);
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
            {
                assertMessage(assertThrows(SegmentLayoutException.class, () -> Contest.open(fleet)),
                    name, "field magic expected " + 0x4F435354);
            }
            assertArrayEquals(junk, Files.readAllBytes(file));
        }
    }

    @Test
    void truncatedTableIsRefusedOnItsSize() throws Exception
    {
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final String name = ShmDirectory.uniqueFleetName();
            final ByteBuffer header = ByteBuffer.allocate(64 + 100).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0, 0x4F435354).putShort(4, (short)ContestLayout.VERSION).putShort(6, (short)64).putInt(8, 1024).putInt(12, 256);
            final Path file = dir.resolve(SegmentNames.segment(name, 222));
            Files.write(file, header.array());
            Files.setPosixFilePermissions(file, MappedFileStore.OWNER_ONLY);
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
            {
                assertMessage(assertThrows(SegmentLayoutException.class, () -> Contest.open(fleet)),
                    name, "file size expected " + (64 + 1024 * 256) + " but found 164");
            }
            assertArrayEquals(header.array(), Files.readAllBytes(file));
        }
    }

    private static void assertInvalid(final Executable call, final String... fragments)
    {
        assertMessage(assertThrows(InvalidArgumentException.class, call), fragments);
    }

    private static void assertMessage(final OrbitException ex, final String... fragments)
    {
        for (final String fragment : fragments)
        {
            assertTrue(ex.getMessage().contains(fragment), () -> "'" + fragment + "' missing from: " + ex.getMessage());
        }
    }
}
