package io.orbit.runtime.ring;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.exceptions.SegmentNotReadyException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jqwik property of ring segment validation: a real segment file whose header bytes are replaced
 * (wholly or in part) by arbitrary bytes is either still valid or refused with
 * {@link SegmentLayoutException} / {@link SegmentNotReadyException} naming the file, and the
 * attacher never writes to it. It only attaches when every validated byte (capacity, magic, version,
 * payload capacity, stride, kind, topology, lane count) is intact; the other header words are
 * runtime counters or an unspecified fingerprint, which any value may hold.
 */
class RingHeaderPropertiesTest
{
    private static final RingSpec SPEC = RingSpec.shared(41, 4, 16);
    private static ShmDirectory dir;
    private static SystemProperty attachTimeout;
    private static int refused;
    private static int attached;

    @BeforeContainer
    static void open()
    {
        dir = ShmDirectory.create();
        // A header whose ready word is wrong is waited on for the attach bound; keep that short here.
        attachTimeout = SystemProperty.set(OrbitProperties.ATTACH_TIMEOUT_PROPERTY, "2");
    }

    @AfterContainer
    static void close()
    {
        attachTimeout.close();
        dir.close();
        System.out.println("RingHeaderPropertiesTest: refused " + refused + ", still valid " + attached);
        assertTrue(refused > attached, "arbitrary header bytes must mostly be refused: " + refused + " vs " + attached);
    }

    @Property(tries = 300)
    void arbitraryHeaderBytesAreRefusedWithALayoutExceptionOnly(
        @ForAll @Size(min = 1, max = RingLayout.HEADER_LENGTH) final byte[] bytes,
        @ForAll @IntRange(min = 0, max = RingLayout.HEADER_LENGTH - 1) final int at) throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Path file;
        try (Fleet creator = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final Ring ring = creator.ring(SPEC);
            ring.publish(0, 1, new byte[] {1, 2, 3});
            file = Path.of(ring.location());
        }
        final byte[] original = Files.readAllBytes(file);
        final int offset = Math.min(at, RingLayout.HEADER_LENGTH - bytes.length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
        final byte[] before = Files.readAllBytes(file);
        try (Fleet attacher = Fleet.joinShmAs(name, 2, 1, dir.path()))
        {
            attacher.ring(SPEC);
            attached++;
            // Bytes 8..35 hold capacity, magic, version, payload capacity, stride, kind, topology and lane count.
            for (int i = RingLayout.CAPACITY_OFFSET; i < RingLayout.LANE_COUNT_OFFSET + 2; i++)
            {
                assertEquals(original[i], before[i], "attached although validated header byte " + i + " changed");
            }
        }
        catch (final SegmentLayoutException | SegmentNotReadyException ex)
        {
            refused++;
            assertTrue(ex.getMessage().contains(file.toString()), () -> "names the file: " + ex.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(file), "nothing is written to a segment that is validated");
        Fleet.removeSegments(name, dir.path());
    }
}
