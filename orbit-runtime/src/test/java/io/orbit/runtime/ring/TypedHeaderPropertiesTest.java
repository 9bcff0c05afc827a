package io.orbit.runtime.ring;

import io.orbit.runtime.codec.RecordLayout;
import io.orbit.runtime.exceptions.SegmentLayoutException;
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
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.*;

/**
 * jqwik property of a typed ring's layout identity: a real segment whose {@code layout_version}
 * (header bytes 60..63) and lane 0 signature bytes (72..127) are replaced in part by arbitrary
 * bytes is refused by a version-2 attacher exactly when a non-zero byte of its components'
 * signatures differs, and then nothing is written; otherwise the attacher's signatures and a
 * layout version of at least 2 (unsigned) are in the header afterwards.
 */
class TypedHeaderPropertiesTest
{
    private static final long FINGERPRINT = 0x5EED_0017_0000_0001L;
    private static final RecordLayout V1 = new RecordLayout(1, FINGERPRINT, 16, "a:long:0:8@1", "b:int:8:4@1");
    private static final RecordLayout V2 = new RecordLayout(2, FINGERPRINT, 32, "a:long:0:8@1", "b:int:8:4@1",
        "c:long:16:8@2", "d:utf8[8]:24:8@2");
    private static final RingSpec SPEC = new RingSpec(17, 4, 32, Topology.PER_NODE, FINGERPRINT);
    /** The bytes the property overwrites: layout_version, then lane 0's header after write_pos. */
    private static final int[] POSITIONS = new int[4 + RingLayout.SIGNATURE_CAPACITY];

    static
    {
        for (int i = 0; i < 4; i++)
        {
            POSITIONS[i] = RingLayout.LAYOUT_VERSION_OFFSET + i;
        }
        for (int i = 0; i < RingLayout.SIGNATURE_CAPACITY; i++)
        {
            POSITIONS[4 + i] = RingLayout.SIGNATURES_OFFSET + i;
        }
    }

    private static ShmDirectory dir;
    private static int refused;
    private static int attached;

    @BeforeContainer
    static void open()
    {
        dir = ShmDirectory.create();
    }

    @AfterContainer
    static void close()
    {
        dir.close();
        System.out.println("TypedHeaderPropertiesTest: refused " + refused + ", attached " + attached);
        assertTrue(refused > 0 && attached > 0, "both outcomes occur: refused " + refused + ", attached " + attached);
    }

    @Property(tries = 200)
    void aVersionTwoAttacherIsRefusedExactlyWhenAKnownSignatureDiffers(
        @ForAll @Size(min = 1, max = 12) final byte[] bytes,
        @ForAll @IntRange(min = 0, max = 12) final int at) throws IOException
    {
        final String name = ShmDirectory.uniqueFleetName();
        final Path file;
        try (Fleet creator = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final Ring ring = creator.ring(SPEC, null, V1);
            ring.publish(0, 1, new byte[16]);
            file = Path.of(ring.location());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            for (int k = 0; k < bytes.length; k++)
            {
                channel.write(ByteBuffer.wrap(new byte[] {bytes[k]}), POSITIONS[(at + k) % POSITIONS.length]);
            }
        }
        final byte[] before = Files.readAllBytes(file);
        boolean differs = false;
        for (int i = 0; i < V2.componentCount(); i++)
        {
            final int stored = before[RingLayout.SIGNATURES_OFFSET + i] & 0xFF;
            differs |= stored != 0 && stored != V2.signature(i);
        }
        try (Fleet attacher = Fleet.joinShmAs(name, 2, 1, dir.path()))
        {
            attacher.ring(SPEC, null, V2);
            attached++;
            assertFalse(differs, "attached although a known signature differs");
            final ByteBuffer after = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < V2.componentCount(); i++)
            {
                assertEquals(V2.signature(i), after.get(RingLayout.SIGNATURES_OFFSET + i) & 0xFF, "signature " + i);
            }
            assertTrue(Integer.compareUnsigned(after.getInt(RingLayout.LAYOUT_VERSION_OFFSET), 2) >= 0, "layout version >= 2");
        }
        catch (final SegmentLayoutException ex)
        {
            refused++;
            assertTrue(differs, () -> "refused although every known signature agrees: " + ex.getMessage());
            assertTrue(ex.getMessage().contains(file.toString()) && ex.getMessage().contains("first differing component"),
                ex.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file), "nothing is written to a refused segment");
        }
        Fleet.removeSegments(name, dir.path());
    }
}
