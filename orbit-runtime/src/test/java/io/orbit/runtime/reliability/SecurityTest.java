package io.orbit.runtime.reliability;

import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.contest.Contest;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.exceptions.InvalidFleetNameException;
import io.orbit.runtime.exceptions.OrbitException;
import io.orbit.runtime.exceptions.UntrustedFileException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.fleet.SegmentNames;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.segment.MappedFileStore;
import io.orbit.runtime.segment.SegmentFormat;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.AtomicBuffer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Security properties of the shared-memory files: every segment (rings, contest, heartbeat, cache
 * and event tables) and every lease file is created 0600; a process of another uid is refused
 * with an {@link OrbitException} naming the file; no fleet name can make the runtime touch a path
 * outside its shared-memory directory.
 */
class SecurityTest
{
    private static final int NOBODY = 65534;

    @Test
    void everySegmentAndLeaseFileIsOwnerOnly() throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create();
            Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
        {
            fleet.ring(RingSpec.perNode(5, 16, 32));
            fleet.ring(RingSpec.shared(6, 16, 32));
            Contest.open(fleet);
            FleetHeartbeat.open(fleet);
            OrbitCache.open(fleet);
            OrbitEventBus.open(fleet);
            final Map<String, String> modes = modes(dir.path());
            System.out.println("SecurityTest files and modes: " + modes);
            assertTrue(modes.size() >= 7, () -> "expected a lease file and six segments: " + modes);
            assertTrue(modes.containsKey(SegmentNames.nodeLease(name, 0)), () -> "no lease file in " + modes);
            assertTrue(modes.containsKey(SegmentNames.segment(name, FleetHeartbeat.KIND)), () -> "no heartbeat table in " + modes);
            assertTrue(modes.containsKey(SegmentNames.segment(name, OrbitCache.KIND)), () -> "no cache ring in " + modes);
            assertTrue(modes.containsKey(SegmentNames.segment(name, OrbitEventBus.KIND)), () -> "no event ring in " + modes);
            modes.forEach((file, mode) -> assertEquals("rw-------", mode, file));
        }
    }

    @Test
    void processOfAnotherUidIsRefusedWithAClearException() throws Exception
    {
        assumeTrue("root".equals(System.getProperty("user.name")),
            "SKIPPED: needs root to start a child as uid 65534 (nobody); running as " + System.getProperty("user.name"));
        final Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable)
            .findFirst().orElse(null);
        assumeTrue(setpriv != null, "SKIPPED: setpriv is not installed, cannot start a child as another uid");

        final String name = ShmDirectory.uniqueFleetName();
        final Path classPath = Files.createTempDirectory("orbit-nobody-cp-");
        try (ShmDirectory dir = ShmDirectory.create();
            Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path()))
        {
            fleet.ring(RingSpec.shared(7, 16, 32));
            FleetHeartbeat.open(fleet);
            // The directory may be traversed by anyone; the files in it stay 0600 and root-owned.
            Files.setPosixFilePermissions(dir.path(), PosixFilePermissions.fromString("rwx--x--x"));
            final Map<String, String> before = modes(dir.path());
            final Path segment = dir.resolve(SegmentNames.segment(name, 7));
            final Path lease = dir.resolve(SegmentNames.nodeLease(name, 0));

            final List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:+UseSerialGC", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp",
                readableClassPath(classPath), OtherUidProbe.class.getName(), dir.path().toString(), name,
                segment.getFileName().toString(), Long.toString(Files.size(segment))));
            final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            final List<String> lines;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
            {
                lines = out.lines().collect(Collectors.toList());
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not exit");
            System.out.println("SecurityTest other-uid child: " + lines);
            assertEquals(0, child.exitValue(), () -> "child output: " + lines);
            assertTrue(lines.contains("UID " + NOBODY), () -> "the child did not run as nobody: " + lines);

            final String join = line(lines, "JOIN ");
            assertTrue(join.startsWith(OrbitException.class.getName() + "|") || join.startsWith("io.orbit.runtime."),
                () -> "joining must fail with an OrbitException: " + join);
            assertTrue(join.contains(dir.path().toString()) && join.contains("permission denied") && join.contains("uid " + NOBODY),
                () -> "the refusal must name the file, the denial and the uid: " + join);

            final String attach = line(lines, "ATTACH ");
            assertTrue(attach.startsWith(UntrustedFileException.class.getName() + "|"),
                () -> "attach must be refused as a file of another uid: " + attach);
            assertTrue(attach.contains(segment.toString()), () -> "the refusal must name the segment: " + attach);
            assertTrue(attach.contains("owned by uid 0") && attach.contains("runs as uid " + NOBODY) && attach.contains("mode 0600"),
                () -> "the refusal must name the owner, the mode and this uid: " + attach);
            assertFalse(attach.contains("rm "), () -> "nobody may not remove root's file; the message must not say rm: " + attach);

            assertEquals(before, modes(dir.path()), "the other uid must leave the directory unchanged");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lease)));
        }
        finally
        {
            try (Stream<Path> files = Files.walk(classPath))
            {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    void noFleetNameReachesOutsideTheDirectory() throws IOException
    {
        final String[] fixed = {
            "/", "a/b", "../x", "../../x", "..", ".", "", "a\0b", "\0", "x/../../y", "./a", "a\\b", "ä", "名前", "\uD83D\uDE80",
            "a b", "a-b", "-", "a:b", "~", "$HOME", "a\nb", "a".repeat(33), "..%2F..%2Fetc", "\u2215etc", "\uFF0Fetc"};
        final Random random = new Random(42);
        final String alphabet = "ab/.\0\\-_Zz9 ~\u00e4\u540d\uD83D\uDE80\u2215\n";
        try (ShmDirectory outer = ShmDirectory.create())
        {
            // Fleet files go two levels down, so a name climbing out would land in a directory this test watches.
            final Path dir = Files.createDirectories(outer.resolve("level1").resolve("shm"));
            final List<String> names = new ArrayList<>(List.of(fixed));
            for (int i = 0; i < 500; i++)
            {
                final StringBuilder candidate = new StringBuilder();
                final int length = random.nextInt(40);
                for (int c = 0; c < length; c++)
                {
                    candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                names.add(candidate.toString());
            }
            int valid = 0;
            for (final String name : names)
            {
                if (isValidByTheRule(name))
                {
                    valid++;
                    try (Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir))
                    {
                        fleet.ring(RingSpec.shared(3, 16, 16));
                    }
                    Fleet.removeSegments(name, dir);
                }
                else
                {
                    assertThrows(InvalidFleetNameException.class, () -> Fleet.joinShmAs(name, 2, 0, dir), () -> "name " + escape(name));
                    assertThrows(InvalidFleetNameException.class, () -> Fleet.removeSegments(name, dir), () -> "name " + escape(name));
                }
            }
            System.out.println("SecurityTest fleet names tried: " + names.size() + " (" + valid + " valid)");
            final List<String> outside;
            try (Stream<Path> files = Files.walk(outer.path()))
            {
                outside = files.filter(file -> !file.startsWith(dir)).map(outer.path()::relativize).map(Path::toString)
                    .sorted().collect(Collectors.toList());
            }
            assertEquals(List.of("", "level1"), outside, "nothing may be created outside the shared-memory directory");
        }
    }

    private static boolean isValidByTheRule(final String name)
    {
        return name.matches("[A-Za-z0-9_.]{1,32}") && !name.equals(".") && !name.equals("..");
    }

    private static String escape(final String name)
    {
        return name.chars().mapToObj(c -> c < 32 || c > 126 ? String.format("\\u%04x", c) : Character.toString(c))
            .collect(Collectors.joining("", "'", "'"));
    }

    private static String line(final List<String> lines, final String prefix)
    {
        final String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
        assertNotNull(line, () -> "no " + prefix + "line in " + lines);
        return line.substring(prefix.length());
    }

    private static Map<String, String> modes(final Path dir) throws IOException
    {
        final Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir))
        {
            for (final Path file : files.collect(Collectors.toList()))
            {
                modes.put(file.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        return modes;
    }

    /**
     * The test class path may live under /root (0700); copy its jars to a world-readable directory
     * so the child running as nobody can load classes. Directories outside /root stay as they are.
     */
    private static String readableClassPath(final Path into) throws IOException
    {
        Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rwxr-xr-x"));
        final List<String> entries = new ArrayList<>();
        int index = 0;
        for (final String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        {
            final Path source = Path.of(entry);
            if (Files.isDirectory(source))
            {
                final Path copy = into.resolve("dir" + index++);
                try (Stream<Path> files = Files.walk(source))
                {
                    for (final Path file : files.collect(Collectors.toList()))
                    {
                        final Path target = copy.resolve(source.relativize(file).toString());
                        if (Files.isDirectory(file))
                        {
                            Files.createDirectories(target);
                            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                        }
                        else
                        {
                            Files.copy(file, target);
                            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                        }
                    }
                }
                entries.add(copy.toString());
            }
            else if (Files.isRegularFile(source))
            {
                final Path copy = into.resolve(index++ + "-" + source.getFileName());
                Files.copy(source, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                entries.add(copy.toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * Child run as another uid: {@code dir fleet segmentFile segmentLength}. Tries to join the fleet
     * and to attach to the segment directly, and prints each refusal as {@code class|message}.
     */
    public static final class OtherUidProbe
    {
        public static void main(final String[] args) throws Exception
        {
            final Path dir = Path.of(args[0]);
            final String name = args[1];
            final String segmentFile = args[2];
            final long length = Long.parseLong(args[3]);
            System.out.println("UID " + Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
            try (Fleet fleet = Fleet.joinShmAs(name, 3, 1, dir))
            {
                System.out.println("JOIN succeeded as node " + fleet.node());
            }
            catch (final RuntimeException ex)
            {
                System.out.println("JOIN " + ex.getClass().getName() + "|" + ex.getMessage());
            }
            try
            {
                new MappedFileStore(dir, 500).open(segmentFile, new AnyFormat(length));
                System.out.println("ATTACH succeeded");
            }
            catch (final RuntimeException ex)
            {
                System.out.println("ATTACH " + ex.getClass().getName() + "|" + ex.getMessage());
            }
        }
    }

    /** A format that accepts any header: the attach must fail on the file's mode before any check of content. */
    private record AnyFormat(long segmentLength) implements SegmentFormat
    {
        @Override
        public int headerLength()
        {
            return 0;
        }

        @Override
        public int readyWordOffset()
        {
            return 0;
        }

        @Override
        public int readyWordValue()
        {
            return 0;
        }

        @Override
        public void initialize(final AtomicBuffer buffer)
        {
        }

        @Override
        public void validate(final AtomicBuffer header, final long fileLength, final String location)
        {
        }
    }
}
