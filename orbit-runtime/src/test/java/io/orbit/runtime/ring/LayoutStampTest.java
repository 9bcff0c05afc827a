package io.orbit.runtime.ring;

import io.orbit.runtime.codec.RecordLayout;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The layout identity in a ring's header, byte by byte: the creator's stamp, an attacher's
 * extension, the refusal of a concurrent attacher that wrote another signature, and the cap of
 * {@value RingLayout#SIGNATURE_CAPACITY} signatures.
 */
class LayoutStampTest
{
    private static final RecordLayout V1 = new RecordLayout(1, 7L, 16, "a:long:0:8@1", "b:int:8:4@1");
    private static final RecordLayout V2 = new RecordLayout(2, 7L, 24, "a:long:0:8@1", "b:int:8:4@1", "c:long:16:8@2");
    private static final RecordLayout V2_OTHER = new RecordLayout(2, 7L, 24, "a:long:0:8@1", "b:int:8:4@1", "c:double:16:8@2");

    private static UnsafeBuffer header()
    {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(RingLayout.HEADER_LENGTH + RingLayout.LANE_HEADER_LENGTH, 64));
    }

    @Test
    void signaturesAreNonZeroAndIgnoreNamesAndVersions()
    {
        final RecordLayout renamed = new RecordLayout(3, 7L, 24, "x:long:0:8@1", "y:int:8:4@2", "z:long:16:8@3");
        for (int i = 0; i < V2.componentCount(); i++)
        {
            assertNotEquals(0, V2.signature(i));
            assertEquals(V2.signature(i), renamed.signature(i), "component " + i);
        }
        assertNotEquals(V2.signature(2), V2_OTHER.signature(2), "type enters the signature");
    }

    @Test
    void anAttacherExtendsAndRaisesALowerAttacherChangesNothing()
    {
        final UnsafeBuffer header = header();
        LayoutStamp.initialize(header, V1);
        assertEquals(1, LayoutStamp.storedVersion(header));
        assertEquals(2, LayoutStamp.storedCount(header));

        assertEquals(LayoutStamp.AGREE, LayoutStamp.firstDifference(header, V2));
        assertEquals(LayoutStamp.AGREE, LayoutStamp.extend(header, V2));
        assertEquals(2, LayoutStamp.storedVersion(header));
        assertEquals(3, LayoutStamp.storedCount(header));
        assertEquals(V2.signature(2), header.getByte(RingLayout.SIGNATURES_OFFSET + 2) & 0xFF);

        assertEquals(LayoutStamp.AGREE, LayoutStamp.extend(header, V1));
        assertEquals(2, LayoutStamp.storedVersion(header), "the layout version never falls");
        assertEquals(3, LayoutStamp.storedCount(header));
    }

    @Test
    void anAttacherThatDisagreesWithAConcurrentExtensionIsToldTheComponentAndWritesNothing()
    {
        final UnsafeBuffer header = header();
        LayoutStamp.initialize(header, V1);
        assertEquals(LayoutStamp.AGREE, LayoutStamp.firstDifference(header, V2_OTHER), "checked before the other extended");
        assertEquals(LayoutStamp.AGREE, LayoutStamp.extend(header, V2));
        final byte[] before = new byte[header.capacity()];
        header.getBytes(0, before);
        assertEquals(2, LayoutStamp.extend(header, V2_OTHER));
        final byte[] after = new byte[header.capacity()];
        header.getBytes(0, after);
        assertArrayEquals(before, after);
        assertEquals(2, LayoutStamp.firstDifference(header, V2_OTHER));
    }

    @Test
    void onlyTheFirstFiftySixComponentsAreKept()
    {
        final List<String> components = new ArrayList<>();
        for (int i = 0; i < 60; i++)
        {
            components.add("f" + i + ":int:" + 4 * i + ":4@1");
        }
        final UnsafeBuffer header = header();
        header.putLong(0, -1L); // the header's first word must survive: nothing is written below the signatures
        LayoutStamp.initialize(header, new RecordLayout(1, 0L, 240, components));
        assertEquals(RingLayout.SIGNATURE_CAPACITY, LayoutStamp.storedCount(header));
        assertEquals(-1L, header.getLong(0));
        assertEquals(LayoutStamp.AGREE, LayoutStamp.extend(header, new RecordLayout(1, 0L, 240, components)));
        assertEquals(RingLayout.SIGNATURE_CAPACITY, LayoutStamp.storedCount(header));
    }
}
