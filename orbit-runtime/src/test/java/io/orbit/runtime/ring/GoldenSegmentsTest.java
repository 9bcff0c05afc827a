package io.orbit.runtime.ring;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.codec.Orbital;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Segments made by orbit-rs itself (resources {@code orbit-rs-golden/}, see its {@code MANIFEST.json}),
 * read through the public API of a shm fleet of size 3 joined with {@code orbit.shm.dir}: Java reads
 * exactly the frames orbit-rs's reader printed, refuses the SharedOrdered ring, and writes the same
 * bytes for the same spec and frames. Frame rule of the golden data: frame {@code i} of node {@code n}
 * has frame kind {@code 0x10+i}, version {@code 1000*(n+1)+i}, payload {@code "g:n:i"}.
 */
class GoldenSegmentsTest
{
    private static final RingSpec PER_NODE = RingSpec.perNode(41, 8, 24);
    private static final RingSpec SHARED = RingSpec.shared(42, 8, 24);
    private static final RingSpec TYPED = RingSpec.perNode(43, 16, 48);
    private static final RingSpec SHARED_ORDERED_AS_SHARED = RingSpec.shared(45, 8, 24);
    /** A fingerprint as generated codecs carry; orbit-rs writes 0 there. */
    private static final long PROBE_FINGERPRINT = 0x5EED_0043_F1F0_0001L;

    private final ShmDirectory dir = ShmDirectory.create();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    /** orbit-rs's {@code #[repr(C)] Probe} of the typed golden segment, 48 bytes. */
    record Probe(int small, long big, short s, byte b, boolean ok, char ch, double ratio, int[] vec)
    {
        String describe()
        {
            return "small=" + small + " big=" + big + " s=" + s + " b=" + b + " ok=" + ok + " ch=" + (int)ch + " ratio=" + ratio
                + " vec=" + Arrays.toString(vec).replace(" ", "");
        }
    }

    private static OrbitCodec<Probe> probeCodec(final long fingerprint)
    {
        return new OrbitCodec<>(
            Probe.class,
            new RingSpec(43, 16, 48, Topology.PER_NODE, fingerprint),
            48,
            value -> { },
            GoldenSegmentsTest::encodeProbe,
            GoldenSegmentsTest::decodeProbe);
    }

    private static void encodeProbe(final MutableDirectBuffer buffer, final int offset, final Probe p)
    {
        buffer.setMemory(offset, 48, (byte)0);
        buffer.putInt(offset, p.small(), ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 8, p.big(), ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(offset + 16, p.s(), ByteOrder.LITTLE_ENDIAN);
        buffer.putByte(offset + 18, p.b());
        buffer.putByte(offset + 19, (byte)(p.ok() ? 1 : 0));
        buffer.putChar(offset + 20, p.ch(), ByteOrder.LITTLE_ENDIAN);
        buffer.putDouble(offset + 24, p.ratio(), ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 3; i++)
        {
            buffer.putInt(offset + 32 + 4 * i, p.vec()[i], ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static Probe decodeProbe(final DirectBuffer buffer, final int offset)
    {
        final int[] vec = new int[3];
        for (int i = 0; i < 3; i++)
        {
            vec[i] = buffer.getInt(offset + 32 + 4 * i, ByteOrder.LITTLE_ENDIAN);
        }
        return new Probe(
            buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN),
            buffer.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN),
            buffer.getShort(offset + 16, ByteOrder.LITTLE_ENDIAN),
            buffer.getByte(offset + 18),
            buffer.getByte(offset + 19) != 0,
            buffer.getChar(offset + 20, ByteOrder.LITTLE_ENDIAN),
            buffer.getDouble(offset + 24, ByteOrder.LITTLE_ENDIAN),
            vec);
    }

    /** The probe orbit-rs stored ({@code probe(5)}). */
    private static Probe probe5()
    {
        return new Probe(-35, 363119298951914280L, (short)-300, (byte)-5, true, (char)233, 0.5, new int[] {5, -5, Integer.MAX_VALUE});
    }

    /** Joins the fleet the way a deployed process does: {@code -Dorbit.shm.dir} names the directory. */
    private Fleet join(final String fleet, final int node)
    {
        try (SystemProperty ignored = SystemProperty.set(OrbitProperties.DIRECTORY_PROPERTY, dir.path().toString()))
        {
            return Fleet.joinShmAs(fleet, 3, node);
        }
    }

    /**
     * Installs a golden segment, joins as {@code node}, reads it from the start with one poll and
     * checks the frames against orbit-rs's FRAME lines.
     *
     * @return the cursor after the poll (its {@link RingCursor#lastPoll()} holds the loss).
     */
    private RingCursor assertReadsAsOrbitRs(final String golden, final RingSpec spec, final int node)
    {
        final String name = ShmDirectory.uniqueFleetName();
        GoldenSegments.install(golden + ".seg", dir.path(), name, spec.kind());
        try (Fleet fleet = join(name, node))
        {
            final Ring ring = fleet.ring(spec);
            assertFalse(ring.created());
            final RingCursor cursor = ring.cursorFromStart();
            final List<String> lines = new ArrayList<>();
            cursor.poll(view -> lines.add(GoldenSegments.frameLine(view)));
            final List<String> expected = GoldenSegments.lines(golden + ".expected.txt").stream()
                .filter(line -> line.startsWith("FRAME ")).toList();
            assertEquals(expected, lines);
            return cursor;
        }
    }

    @Test
    void perNodeRingReadsExactlyWhatOrbitRsRead()
    {
        final RingCursor cursor = assertReadsAsOrbitRs("pn-k41-fleet3", PER_NODE, 0);
        // orbit-rs: "LOSS overwritten=3 unavailable=0" (lane 2 wrapped: counters 0..2 gone)
        assertEquals(3, cursor.lastPoll().overwritten());
        assertEquals(0, cursor.lastPoll().abandoned() + cursor.lastPoll().corrupt());
        assertEquals(List.of(0L, 3L, 11L), List.of(cursor.next(0), cursor.next(1), cursor.next(2)));
    }

    @Test
    void sharedRingReadsExactlyWhatOrbitRsRead()
    {
        final RingCursor cursor = assertReadsAsOrbitRs("sh-k42-fleet3", SHARED, 1);
        // orbit-rs: "LOSS overwritten=0 unavailable=0 next=5"
        assertEquals(0, cursor.lastPoll().lost());
        assertEquals(5, cursor.next(0));
    }

    @Test
    void typedValueReadsExactlyWhatOrbitRsRead()
    {
        final String name = ShmDirectory.uniqueFleetName();
        GoldenSegments.install("typed-k43-fleet3.seg", dir.path(), name, 43);
        try (Fleet fleet = join(name, 0))
        {
            // A codec that knows a fingerprint attaches to a segment whose fingerprint orbit-rs left at 0.
            final Orbital<Probe> probes = Orbital.of(fleet, probeCodec(PROBE_FINGERPRINT));
            final List<String> expected = GoldenSegments.lines("typed-k43-fleet3.expected.txt");
            final long id = NetId64.parse("43:1:0");
            assertEquals(expected.get(0), "LOADED-BY-ID 43:1:0 " + probes.loadById(id).orElseThrow().describe());
            final FrameView view = probes.ring().newFrameView();
            assertTrue(probes.loadView(1, view));
            assertEquals(expected.get(1), "LANE 1 id=" + NetId64.toString(view.id()) + " ver=" + view.version() + " "
                + probes.decode(view).describe());
            assertEquals(probe5().describe(), probes.load().orElseThrow().describe());
        }
    }

    @Test
    void sharedOrderedRingIsRefusedNamingTheTopology()
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Path file = GoldenSegments.install("so-k45-fleet3.seg", dir.path(), name, 45);
        try (Fleet fleet = join(name, 0))
        {
            final SegmentLayoutException refused = assertThrows(SegmentLayoutException.class, () -> fleet.ring(SHARED_ORDERED_AS_SHARED));
            assertTrue(refused.getMessage().contains("topology is 2 (SHARED_ORDERED, written by orbit-rs)"), refused.getMessage());
            assertTrue(refused.getMessage().contains(file.getFileName().toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("KIND 45"), refused.getMessage());
            final SegmentLayoutException asPerNode = assertThrows(
                SegmentLayoutException.class, () -> fleet.ring(RingSpec.perNode(45, 8, 24)));
            assertTrue(asPerNode.getMessage().contains("SHARED_ORDERED"), asPerNode.getMessage());
        }
        assertArrayEquals(GoldenSegments.bytes("so-k45-fleet3.seg"), read(file), "a refused attach leaves the segment untouched");
    }

    private static byte[] golden(final int i, final int node)
    {
        return ("g:" + node + ":" + i).getBytes(StandardCharsets.US_ASCII);
    }

    private static void publishGoldenFrames(final Ring ring, final int node, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            ring.publish(0x10 + i, 1000L * (node + 1) + i, golden(i, node));
        }
    }

    /** Node {@code first} publishes {@code firstCount} golden frames, then node {@code second} {@code secondCount}. */
    private void assertJavaMadeEquals(
        final String golden, final RingSpec spec, final int first, final int firstCount, final int second, final int secondCount)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet a = join(name, first); Fleet b = join(name, second))
        {
            final Ring ring = a.ring(spec);
            assertTrue(ring.created());
            publishGoldenFrames(ring, first, firstCount);
            publishGoldenFrames(b.ring(spec), second, secondCount);
            assertArrayEquals(GoldenSegments.bytes(golden), read(Path.of(ring.location())));
        }
    }

    @Test
    void javaMadePerNodeSegmentEqualsOrbitRsBytes()
    {
        assertJavaMadeEquals("pn-k41-fleet3.seg", PER_NODE, 1, 3, 2, 11);
    }

    @Test
    void javaMadeSharedSegmentEqualsOrbitRsBytes()
    {
        assertJavaMadeEquals("sh-k42-fleet3.seg", SHARED, 0, 2, 2, 3);
    }

    @Test
    void javaMadeTypedSegmentEqualsOrbitRsBytesWhenWrittenTheRustWay()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet one = join(name, 1))
        {
            final Ring ring = one.ring(TYPED);
            final byte[] payload = new byte[48];
            encodeProbe(new org.agrona.concurrent.UnsafeBuffer(payload), 0, probe5());
            ring.publish(Orbital.STORE_FRAME_KIND, 0, payload); // orbit-rs's Orbital::store: frame kind 0, version 0
            assertArrayEquals(GoldenSegments.bytes("typed-k43-fleet3.seg"), read(Path.of(ring.location())));
        }
    }

    /**
     * The documented differences of a segment written by Java's own {@code Orbital.store}: the
     * header's version_counter (bytes 0..7: Java draws the frame version from it, orbit-rs never
     * touches it), the layout fingerprint (bytes 40..47: generated codecs write theirs, orbit-rs
     * writes 0) and the frame's version field (slot + 16..23: 1 from the counter, orbit-rs writes 0).
     * Every other byte is identical.
     */
    @Test
    void javaOrbitalStoreDiffersFromOrbitRsOnlyInDocumentedFields()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet one = join(name, 1))
        {
            final Orbital<Probe> probes = Orbital.of(one, probeCodec(PROBE_FINGERPRINT));
            probes.store(probe5());
            final byte[] java = read(Path.of(probes.ring().location()));
            final byte[] rust = GoldenSegments.bytes("typed-k43-fleet3.seg");
            assertEquals(rust.length, java.length);
            final int slot = 2304; // MANIFEST: lane 1, index 0
            final TreeSet<Integer> differing = new TreeSet<>();
            for (int i = 0; i < rust.length; i++)
            {
                if (rust[i] != java[i])
                {
                    differing.add(i);
                }
            }
            final TreeSet<Integer> documented = new TreeSet<>();
            for (int i = 0; i < 8; i++)
            {
                documented.add(RingLayout.VERSION_COUNTER_OFFSET + i);
                documented.add(RingLayout.LAYOUT_FINGERPRINT_OFFSET + i);
                documented.add(slot + RingLayout.FRAME_VERSION_OFFSET + i);
            }
            assertTrue(documented.containsAll(differing), "undocumented differences at " + differing);
            final org.agrona.concurrent.UnsafeBuffer bytes = new org.agrona.concurrent.UnsafeBuffer(java);
            assertEquals(1, bytes.getLong(RingLayout.VERSION_COUNTER_OFFSET, ByteOrder.LITTLE_ENDIAN));
            assertEquals(PROBE_FINGERPRINT, bytes.getLong(RingLayout.LAYOUT_FINGERPRINT_OFFSET, ByteOrder.LITTLE_ENDIAN));
            assertEquals(1, bytes.getLong(slot + RingLayout.FRAME_VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN));
        }
    }

    private static byte[] read(final Path file)
    {
        try
        {
            return Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
