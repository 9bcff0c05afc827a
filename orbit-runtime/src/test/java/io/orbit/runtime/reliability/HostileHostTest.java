package io.orbit.runtime.reliability;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.exceptions.SegmentNotReadyException;
import io.orbit.runtime.exceptions.ShmDirectoryException;
import io.orbit.runtime.exceptions.UntrustedFileException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.fleet.SegmentNames;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.segment.MappedFileStore;
import io.orbit.runtime.segment.ProcessIdentity;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared-memory directory as a hostile local user or environment leaves it: files of another
 * uid squatting segment and lease paths, symbolic links, FIFOs and directories planted there,
 * segments left not ready by a dead in-place creator, a missing or unsafe directory. Every case is
 * refused with a specific exception naming the path, owner and mode (nothing read or written
 * through it), or recovered without a manual step.
 */
class HostileHostTest
{
    private static final int NOBODY = 65534;
    private static final RingSpec SPEC = RingSpec.perNode(5, 16, 32);
    /** A wait that only a hang exceeds; a guard, not a timing assertion. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @Test
    void symbolicLinkAtASegmentPathIsRefusedAndItsTargetUntouched() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final Path target = precious(dir, "precious-segment");
            final byte[] before = Files.readAllBytes(target);
            final Path segment = dir.resolve(SegmentNames.segment(name, SPEC.kind()));
            Files.createSymbolicLink(segment, target);
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
            {
                final UntrustedFileException refused = assertThrows(UntrustedFileException.class, () -> fleet.ring(SPEC));
                assertRefusal(refused, segment, "symbolic link");
            }
            assertArrayEquals(before, Files.readAllBytes(target), "the link's target must be untouched");
            assertTrue(Files.isSymbolicLink(segment), "the planted link stays (it is not Orbit's to remove)");
        }
    }

    @Test
    void symbolicLinkAtALeasePathIsRefusedAndItsTargetNotTruncated() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final Path target = precious(dir, "precious-lease-target");
            final byte[] before = Files.readAllBytes(target);
            final Path lease = dir.resolve(SegmentNames.nodeLease(name, 0));
            Files.createSymbolicLink(lease, target);
            final UntrustedFileException refused = assertThrows(UntrustedFileException.class,
                () -> Fleet.joinShmAs(name, 2, 0, dir.path()));
            assertRefusal(refused, lease, "symbolic link");
            assertArrayEquals(before, Files.readAllBytes(target), "the lease open must never truncate or write the target");
            try (Fleet other = Fleet.joinShmAs(name, 2, 1, dir.path()))
            {
                assertFalse(other.isNodeAlive(0), "a planted link is no live holder");
                assertEquals(-1, other.nodePid(0), "no pid is read through a link");
            }
        }
    }

    @Test
    void fifoAndDirectoryAtSegmentAndLeasePathsAreRefusedWithoutHanging() throws Exception
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final Path segment = dir.resolve(SegmentNames.segment(name, SPEC.kind()));
            final Path lease = dir.resolve(SegmentNames.nodeLease(name, 0));
            mkfifo(segment);
            Files.createDirectory(lease);
            assertTimeoutPreemptively(HANG_GUARD, () ->
            {
                final UntrustedFileException leaseRefused = assertThrows(UntrustedFileException.class,
                    () -> Fleet.joinShmAs(name, 2, 0, dir.path()));
                assertRefusal(leaseRefused, lease, "directory");
                try (Fleet fleet = Fleet.joinShmAs(name, 2, 1, dir.path()))
                {
                    assertRefusal(assertThrows(UntrustedFileException.class, () -> fleet.ring(SPEC)), segment, "FIFO");
                    assertFalse(fleet.isNodeAlive(0));
                }
            });
            Files.delete(segment);
            Files.delete(lease);
            mkfifo(lease);
            Files.createDirectory(segment);
            assertTimeoutPreemptively(HANG_GUARD, () ->
            {
                assertRefusal(assertThrows(UntrustedFileException.class, () -> Fleet.joinShmAs(name, 2, 0, dir.path())), lease, "FIFO");
                try (Fleet fleet = Fleet.joinShmAs(name, 2, 1, dir.path()))
                {
                    assertRefusal(assertThrows(UntrustedFileException.class, () -> fleet.ring(SPEC)), segment, "directory");
                }
            });
        }
    }

    @Test
    void segmentOfOurUidWithGroupOrOtherBitsIsRefused() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final Path segment = dir.resolve(SegmentNames.segment(name, SPEC.kind()));
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
            {
                fleet.ring(SPEC);
            }
            Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-rw-rw-"));
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
            {
                final UntrustedFileException refused = assertThrows(UntrustedFileException.class, () -> fleet.ring(SPEC));
                assertRefusal(refused, segment, "mode 0666");
                assertTrue(refused.getMessage().contains("chmod 600"), refused::getMessage);
                assertEquals(0666, refused.mode());
                assertEquals(ProcessIdentity.uid(), refused.ownerUid());
            }
        }
    }

    @Test
    void anotherUidSquattingSegmentAndLeasePathsIsRefusedAndNothingIsReadOrInjected() throws Exception
    {
        final Path setpriv = setprivOrSkip();
        final String name = ShmDirectory.uniqueFleetName();
        final String other = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); ShmDirectory staging = ShmDirectory.create())
        {
            // A valid segment (other fleet name, same layout) as the squatter's template.
            final Path template = staging.resolve("template");
            try (Fleet fleet = Fleet.joinShmAs(other, 2, 0, staging.path()))
            {
                fleet.ring(SPEC).publish(1, 1, "planted".getBytes(StandardCharsets.UTF_8));
            }
            Files.copy(staging.resolve(SegmentNames.segment(other, SPEC.kind())), template);
            Files.setPosixFilePermissions(staging.path(), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(template, PosixFilePermissions.fromString("rw-r--r--"));
            // The victim's directory is like /dev/shm: world-writable and sticky.
            final Process sticky = new ProcessBuilder("chmod", "1777", dir.path().toString()).inheritIO().start();
            assertEquals(0, sticky.waitFor(), "chmod 1777 failed");
            final Path segment = dir.resolve(SegmentNames.segment(name, SPEC.kind()));
            final Path lease = dir.resolve(SegmentNames.nodeLease(name, 0));
            runAsNobody(setpriv, "cp " + template + " " + segment + " && chmod 666 " + segment
                + " && printf 1 > " + lease + " && chmod 666 " + lease);
            assertEquals(NOBODY, (int)Files.getAttribute(segment, "unix:uid"), "the squatter must own the planted segment");
            final byte[] planted = Files.readAllBytes(segment);

            final UntrustedFileException leaseRefused = assertThrows(UntrustedFileException.class,
                () -> Fleet.joinShmAs(name, 2, 0, dir.path()));
            assertRefusal(leaseRefused, lease, "uid " + NOBODY);
            assertFalse(leaseRefused.getMessage().contains("pid 1"), "a pid from a file of another uid is never trusted: "
                + leaseRefused.getMessage());
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 1, dir.path()))
            {
                final UntrustedFileException refused = assertThrows(UntrustedFileException.class, () -> fleet.ring(SPEC));
                assertRefusal(refused, segment, "uid " + NOBODY);
                assertEquals(NOBODY, refused.ownerUid());
                assertEquals(0666, refused.mode());
                assertTrue(refused.getMessage().contains("As root"),
                    () -> "this test's victim is root, who alone may remove it from the sticky directory: " + refused.getMessage());
                assertFalse(fleet.isNodeAlive(0), "a squatted lease is no live holder");
                assertEquals(-1, fleet.nodePid(0), "the squatter's pid is never reported");
            }
            assertArrayEquals(planted, Files.readAllBytes(segment), "nothing may be written into the squatter's segment");
        }
    }

    @Test
    void notReadySegmentOfADeadInPlaceCreatorIsReplacedOnJoin() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final long length;
            try (Fleet probe = Fleet.joinShmAs("probe" + name.substring(1), 2, 0, dir.path()))
            {
                length = Files.size(Path.of(probe.ring(SPEC).location()));
            }
            // What an in-place creator (orbit-rs, Orbit 0.1.0) leaves when it dies before its magic: sized, all zero, old.
            final Path segment = dir.resolve(SegmentNames.segment(name, SPEC.kind()));
            Files.write(segment, new byte[(int)length]);
            Files.setPosixFilePermissions(segment, MappedFileStore.OWNER_ONLY);
            Files.setLastModifiedTime(segment, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            System.setProperty(OrbitProperties.ATTACH_TIMEOUT_PROPERTY, "200");
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
            {
                final Ring ring = fleet.ring(SPEC);
                assertTrue(ring.created(), "the stale segment must be replaced by a fresh one");
                ring.publish(1, 1, new byte[] {42});
                assertEquals(42, ring.readHead().orElseThrow().payload()[0]);
            }
            finally
            {
                System.clearProperty(OrbitProperties.ATTACH_TIMEOUT_PROPERTY);
            }
        }
    }

    @Test
    void notReadySegmentStillBeingWrittenIsNotReplacedAndTheMessageSaysWhy() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final Path segment = dir.resolve(SegmentNames.segment(name, SPEC.kind()));
            Files.write(segment, new byte[0]);
            Files.setPosixFilePermissions(segment, MappedFileStore.OWNER_ONLY);
            // A long attach timeout makes the file "recent" whatever the machine's speed: never replaced.
            final MappedFileStore store = new MappedFileStore(dir.path(), 100);
            Files.setLastModifiedTime(segment, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
            {
                final SegmentNotReadyException notReady = assertThrows(SegmentNotReadyException.class,
                    () -> Ring.open(store, segment.getFileName().toString(), name, SPEC, 2, 0, node -> false, 1000));
                assertTrue(notReady.getMessage().contains(segment.toString()) && notReady.getMessage().contains("Retry"),
                    notReady::getMessage);
                assertFalse(notReady.getMessage().contains("rm "), notReady::getMessage);
            }
            assertTrue(Files.exists(segment), "a segment that may still be being written is never removed");
        }
    }

    @Test
    void newSegmentsAreFullyAllocatedNotSparse() throws Exception
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create();
            Fleet fleet = Fleet.joinShmAs(name, 4, 0, dir.path()))
        {
            final Path segment = Path.of(fleet.ring(RingSpec.perNode(9, 1024, 1000)).location());
            final long size = Files.size(segment);
            final Process stat = new ProcessBuilder("stat", "-c", "%b %B", segment.toString()).redirectErrorStream(true).start();
            final String[] blocks = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
            assertEquals(0, stat.waitFor());
            final long allocated = Long.parseLong(blocks[0]) * Long.parseLong(blocks[1]);
            System.out.println("HostileHostTest segment of " + size + " bytes has " + allocated + " bytes allocated");
            assertTrue(allocated >= size, "every byte must be allocated (st_blocks * blksize >= size): " + allocated + " < " + size);
            try (Stream<Path> files = Files.list(dir.path()))
            {
                final List<String> left = files.map(p -> p.getFileName().toString()).filter(MappedFileStore::isTemporary)
                    .collect(Collectors.toList());
                assertEquals(List.of(), left, "no temporary file may stay after a creation");
            }
        }
    }

    @Test
    void layoutMismatchOfALeftoverSegmentNamesTheLikelyCauseAndTheCleanUp() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            try (Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
            {
                fleet.ring(SPEC);
            }
            try (Fleet fleet = Fleet.joinShmAs(name, 4, 0, dir.path()))
            {
                final SegmentLayoutException sizeChanged = assertThrows(SegmentLayoutException.class, () -> fleet.ring(SPEC));
                assertTrue(sizeChanged.getMessage().contains("lane_count") && sizeChanged.getMessage().contains("another size")
                    && sizeChanged.getMessage().contains("Fleet.removeSegments(\"" + name + "\")"), sizeChanged::getMessage);
            }
            try (Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
            {
                final SegmentLayoutException typeChanged = assertThrows(SegmentLayoutException.class,
                    () -> fleet.ring(RingSpec.perNode(SPEC.kind(), 16, 48)));
                assertTrue(typeChanged.getMessage().contains("payload_capacity") && typeChanged.getMessage().contains("another type"),
                    typeChanged::getMessage);
            }
            Fleet.removeSegments(name, dir.path());
            try (Fleet fleet = Fleet.joinShmAs(name, 4, 0, dir.path()))
            {
                assertTrue(fleet.ring(SPEC).created(), "after the clean-up the fleet starts afresh");
            }
        }
    }

    @Test
    void missingOrUnsafeDirectoryIsNamedAtJoin() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final Path missing = dir.resolve("no-such-dir");
            final ShmDirectoryException absent = assertThrows(ShmDirectoryException.class, () -> Fleet.joinShmAs(name, 2, 0, missing));
            assertTrue(absent.getMessage().contains(missing + " does not exist") && absent.getMessage().contains("orbit.shm.dir"),
                absent::getMessage);
            final Path open = Files.createDirectory(dir.resolve("open"));
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
            final ShmDirectoryException unsafe = assertThrows(ShmDirectoryException.class, () -> Fleet.joinShmAs(name, 2, 0, open));
            assertTrue(unsafe.getMessage().contains("0777") && unsafe.getMessage().contains("sticky"), unsafe::getMessage);
            try (Stream<Path> files = Files.list(open))
            {
                assertEquals(0, files.count(), "nothing may be created in a refused directory");
            }
        }
    }

    private static void assertRefusal(final OrbitException refused, final Path path, final String found)
    {
        final String message = refused.getMessage();
        System.out.println("HostileHostTest refusal: " + message);
        assertTrue(message.contains(path.toString()), () -> "the refusal must name the path: " + message);
        assertTrue(message.contains(found), () -> "the refusal must say what was found (" + found + "): " + message);
        assertTrue(message.contains("uid ") && message.contains("mode "), () -> "the refusal must name owner and mode: " + message);
    }

    private static Path precious(final ShmDirectory dir, final String fileName) throws IOException
    {
        final Path target = dir.resolve(fileName);
        Files.write(target, "precious bytes of this uid".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(target, MappedFileStore.OWNER_ONLY);
        return target;
    }

    private static void mkfifo(final Path path) throws Exception
    {
        final Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", path.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo failed");
    }

    static Path setprivOrSkip()
    {
        assumeTrue("root".equals(System.getProperty("user.name")),
            "SKIPPED: needs root to act as uid " + NOBODY + " (nobody); running as " + System.getProperty("user.name"));
        final Optional<Path> setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable).findFirst();
        assumeTrue(setpriv.isPresent(), "SKIPPED: setpriv is not installed, cannot act as another uid");
        return setpriv.get();
    }

    private static void runAsNobody(final Path setpriv, final String script) throws Exception
    {
        final Process process = new ProcessBuilder(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
            "/bin/sh", "-c", script).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> "squatter script failed: " + output);
    }
}
