package io.orbit.runtime.codec;

import io.orbit.runtime.exceptions.SegmentLayoutException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingLayout;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.ring.Topology;
import io.orbit.runtime.segment.ProcessIdentity;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The attach rule of a versioned typed ring, with fleet handles of their own on real mapped
 * segments: compatible versions attach and raise the ring's layout version; an incompatible layout
 * is refused before anything is written, naming both layout versions and the first differing
 * component; untyped handles and resets leave the layout identity alone.
 */
class VersionedRingAttachTest
{
    /** FNV-1a 64 of {@code long:0:8;double:8:8;}: version 1 with its second component retyped. */
    private static final long RETYPED_FINGERPRINT = 0x74dfc447a66864d2L;

    private final ShmDirectory dir = ShmDirectory.create();
    private final String name = ShmDirectory.uniqueFleetName();

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    private Fleet join(final int node)
    {
        return Fleet.joinShmAs(name, 3, node, dir.path());
    }

    private Path segment()
    {
        return dir.resolve("orbit-" + name + "-" + ReadingV1Codec.KIND + "-" + ProcessIdentity.uid());
    }

    private byte[] bytes()
    {
        try
        {
            return Files.readAllBytes(segment());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private int layoutVersion()
    {
        return new UnsafeBuffer(bytes()).getInt(RingLayout.LAYOUT_VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    private byte[] signatures()
    {
        return Arrays.copyOfRange(bytes(), RingLayout.SIGNATURES_OFFSET, RingLayout.SIGNATURES_OFFSET + RingLayout.SIGNATURE_CAPACITY);
    }

    private static byte[] expectedSignatures(final RecordLayout layout)
    {
        final byte[] expected = new byte[RingLayout.SIGNATURE_CAPACITY];
        for (int i = 0; i < layout.componentCount(); i++)
        {
            expected[i] = (byte)layout.signature(i);
        }
        return expected;
    }

    private static OrbitCodec<ReadingV1> v1With(final long fingerprint, final String... components)
    {
        return new OrbitCodec<>(ReadingV1.class, new RingSpec(ReadingV1Codec.KIND, 64, 32, Topology.PER_NODE, fingerprint),
            new RecordLayout(1, fingerprint, 16, components), value -> { }, ReadingV1Codec::encodeValidated, ReadingV1Codec::decode);
    }

    private static OrbitCodec<ReadingV2> v2With(final int payloadCapacity, final String... components)
    {
        return new OrbitCodec<>(ReadingV2.class,
            new RingSpec(ReadingV2Codec.KIND, 64, payloadCapacity, Topology.PER_NODE, ReadingV2Codec.LAYOUT_FINGERPRINT),
            new RecordLayout(2, ReadingV2Codec.LAYOUT_FINGERPRINT, 32, components), value -> { },
            ReadingV2Codec::encodeValidated, ReadingV2Codec::decode);
    }

    private void assertRefusal(final SegmentLayoutException refused, final String... parts)
    {
        final String message = refused.getMessage();
        assertTrue(message.contains(segment().toString()), message);
        assertTrue(message.contains("fleet " + name) && message.contains("KIND " + ReadingV1Codec.KIND), message);
        assertTrue(message.contains("orbit clean " + name), "names the clean-up: " + message);
        for (final String part : parts)
        {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void aHigherVersionRaisesTheLayoutVersionAndAddsItsSignaturesALowerOneChangesNothing()
    {
        try (Fleet first = join(0); Fleet second = join(1); Fleet third = join(2))
        {
            Orbital.of(first, ReadingV1Codec.CODEC).store(ReadingV1.of(1));
            assertEquals(1, layoutVersion());
            assertArrayEquals(expectedSignatures(ReadingV1Codec.LAYOUT), signatures());

            Orbital.of(second, ReadingV2Codec.CODEC);
            assertEquals(2, layoutVersion());
            assertArrayEquals(expectedSignatures(ReadingV2Codec.LAYOUT), signatures());

            final byte[] before = bytes();
            Orbital.of(third, ReadingV1Codec.CODEC);
            assertArrayEquals(before, bytes(), "a version-1 attach writes nothing");
        }
    }

    @Test
    void aRetypedVersionOneComponentIsRefusedNamingBothVersionsAndTheComponent()
    {
        try (Fleet first = join(0); Fleet second = join(1))
        {
            Orbital.of(first, ReadingV2Codec.CODEC).store(ReadingV2.of(1));
            final byte[] before = bytes();
            final SegmentLayoutException refused = assertThrows(SegmentLayoutException.class,
                () -> Orbital.of(second, v1With(RETYPED_FINGERPRINT, "seq:long:0:8@1", "check:double:8:8@1")));
            assertRefusal(refused, "layout version 1 in this process", "layout version 2 in the ring", "component 1",
                "check:double:8:8@1");
            assertArrayEquals(before, bytes(), "nothing written to a refused segment");
        }
    }

    @Test
    void aRetypedAppendedComponentIsRefusedOnceItsVersionAttached()
    {
        try (Fleet first = join(0); Fleet second = join(1); Fleet third = join(2))
        {
            Orbital.of(first, ReadingV1Codec.CODEC);
            Orbital.of(second, ReadingV2Codec.CODEC);
            final SegmentLayoutException refused = assertThrows(SegmentLayoutException.class, () -> Orbital.of(third,
                v2With(32, "seq:long:0:8@1", "check:long:8:8@1", "extra:double:16:8@2", "label:utf8[8]:24:8@2")));
            assertRefusal(refused, "layout version 2 in this process", "layout version 2 in the ring", "component 2",
                "extra:double:16:8@2");
        }
    }

    @Test
    void aChangedPayloadCapacityIsRefusedNamingBothVersions()
    {
        try (Fleet first = join(0); Fleet second = join(1))
        {
            Orbital.of(first, ReadingV1Codec.CODEC);
            final byte[] before = bytes();
            final SegmentLayoutException refused = assertThrows(SegmentLayoutException.class,
                () -> Orbital.of(second, v2With(96, ReadingV2Codec.LAYOUT.components().toArray(new String[0]))));
            assertRefusal(refused, "payload_capacity expected 96 but found 32", "layout version 2 in this process",
                "layout version 1 in the ring");
            assertArrayEquals(before, bytes(), "nothing written to a refused segment");
        }
    }

    @Test
    void aRingWithoutSignaturesStillRefusesAnotherBaseFingerprint()
    {
        try (Fleet first = join(0); Fleet second = join(1))
        {
            first.ring(ReadingV1Codec.RING_SPEC); // untyped: base fingerprint only, layout version 0
            assertEquals(0, layoutVersion());
            assertArrayEquals(new byte[RingLayout.SIGNATURE_CAPACITY], signatures());
            final SegmentLayoutException refused = assertThrows(SegmentLayoutException.class,
                () -> Orbital.of(second, v1With(RETYPED_FINGERPRINT, "seq:long:0:8@1", "check:double:8:8@1")));
            assertRefusal(refused, "layout_fingerprint", "layout version 1 in this process", "layout version 0 in the ring",
                "keeps no component signatures");
        }
    }

    @Test
    void untypedHandlesAndResetsKeepTheLayoutIdentity()
    {
        try (Fleet first = join(0); Fleet second = join(1))
        {
            final Orbital<ReadingV2> orbital = Orbital.of(first, ReadingV2Codec.CODEC);
            orbital.store(ReadingV2.of(5));
            final Ring untyped = second.ring(ReadingV2Codec.RING_SPEC);
            assertEquals(2, layoutVersion(), "an untyped attach leaves the layout version");
            assertArrayEquals(expectedSignatures(ReadingV2Codec.LAYOUT), signatures());
            untyped.reset(true);
            assertTrue(orbital.load().isEmpty(), "the reset emptied the ring");
            assertEquals(2, layoutVersion(), "a reset keeps the layout version");
            assertArrayEquals(expectedSignatures(ReadingV2Codec.LAYOUT), signatures(), "a reset keeps the signatures");
        }
    }
}
