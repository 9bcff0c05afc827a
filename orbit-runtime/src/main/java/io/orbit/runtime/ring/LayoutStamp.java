package io.orbit.runtime.ring;

import org.agrona.concurrent.AtomicBuffer;

import java.nio.ByteOrder;

import static io.orbit.runtime.ring.RingLayout.*;

/**
 * The layout identity a typed ring keeps beyond its base fingerprint: {@code layout_version} (header
 * offset 60) and one signature byte per component in lane 0's header (bytes 8..63). The stored
 * signatures are always a run of non-zero bytes from the first, so their count is the component
 * count of the highest version that attached (capped at {@value RingLayout#SIGNATURE_CAPACITY}).
 *
 * <p>The creator writes both before the magic. An attacher compares the components both know and
 * fills in the signatures of the components it adds, one 8-byte word at a time with a CAS (so two
 * attachers that disagree on a component cannot both succeed), then raises {@code layout_version}
 * with a CAS-max. Nothing here runs after attach: publishing and reading never touch these bytes.
 */
final class LayoutStamp
{
    /** No component differs. */
    static final int AGREE = -1;

    private static final int WORDS = SIGNATURE_CAPACITY / Long.BYTES;
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private LayoutStamp()
    {
    }

    /**
     * Writes the version and signatures of a new segment (the creator, before the magic's release).
     *
     * @param buffer the zero-filled segment.
     * @param layout the stored record's layout.
     */
    static void initialize(final AtomicBuffer buffer, final ComponentLayout layout)
    {
        buffer.putInt(LAYOUT_VERSION_OFFSET, layout.version(), ByteOrder.LITTLE_ENDIAN);
        final int count = Math.min(layout.componentCount(), SIGNATURE_CAPACITY);
        for (int i = 0; i < count; i++)
        {
            buffer.putByte(SIGNATURES_OFFSET + i, (byte)layout.signature(i));
        }
    }

    /**
     * @param header at least the segment header and lane 0's header.
     * @return the stored layout version, a u32 (0: untyped or made by orbit-rs).
     */
    static int storedVersion(final AtomicBuffer header)
    {
        // acquire: pairs with the CAS-max below, so the signatures it covers are seen.
        return header.getIntVolatile(LAYOUT_VERSION_OFFSET);
    }

    /**
     * @param header at least the segment header and lane 0's header.
     * @return how many component signatures the header keeps.
     */
    static int storedCount(final AtomicBuffer header)
    {
        int count = 0;
        // volatile: pairs with the attachers' CAS of the words, so a byte seen non-zero has every earlier byte seen too.
        while (count < SIGNATURE_CAPACITY && header.getByteVolatile(SIGNATURES_OFFSET + count) != 0)
        {
            count++;
        }
        return count;
    }

    /**
     * @param header at least the segment header and lane 0's header.
     * @param layout this process's layout.
     * @return the first component whose stored signature differs from this process's, or {@link #AGREE}.
     */
    static int firstDifference(final AtomicBuffer header, final ComponentLayout layout)
    {
        final int known = Math.min(Math.min(layout.componentCount(), SIGNATURE_CAPACITY), storedCount(header));
        for (int i = 0; i < known; i++)
        {
            // volatile: the byte counted by storedCount, read with the same ordering.
            if ((header.getByteVolatile(SIGNATURES_OFFSET + i) & 0xFF) != layout.signature(i))
            {
                return i;
            }
        }
        return AGREE;
    }

    /**
     * After a checked attach: adds the signatures of the components this process knows and the ring
     * does not, then raises the ring's layout version to this process's.
     *
     * @param buffer the mapped segment.
     * @param layout this process's layout.
     * @return {@link #AGREE}, or the first component on which a concurrent attacher wrote another
     *         signature (nothing of this process's was written then).
     */
    static int extend(final AtomicBuffer buffer, final ComponentLayout layout)
    {
        final int count = Math.min(layout.componentCount(), SIGNATURE_CAPACITY);
        for (int word = 0; word < WORDS && word * Long.BYTES < count; word++)
        {
            final int offset = SIGNATURES_OFFSET + word * Long.BYTES;
            while (true)
            {
                final long current = buffer.getLongVolatile(offset); // volatile: the value the CAS below expects
                long desired = current;
                for (int b = 0; b < Long.BYTES && word * Long.BYTES + b < count; b++)
                {
                    final int index = word * Long.BYTES + b;
                    final int shift = shift(b);
                    final int stored = (int)(current >>> shift) & 0xFF;
                    if (stored == 0)
                    {
                        desired |= (long)layout.signature(index) << shift;
                    }
                    else if (stored != layout.signature(index))
                    {
                        return index;
                    }
                }
                // CAS per word: words fill in index order, so the stored signatures stay a run from the first.
                if (desired == current || buffer.compareAndSetLong(offset, current, desired))
                {
                    break;
                }
            }
        }
        // CAS-max after the signatures: a reader that sees the raised version sees the signatures of that version.
        int seen = buffer.getIntVolatile(LAYOUT_VERSION_OFFSET);
        while (Integer.compareUnsigned(seen, layout.version()) < 0
            && !buffer.compareAndSetInt(LAYOUT_VERSION_OFFSET, seen, layout.version()))
        {
            seen = buffer.getIntVolatile(LAYOUT_VERSION_OFFSET);
        }
        return AGREE;
    }

    /** Bit position of byte {@code b} of a word read in native order from little-endian memory. */
    private static int shift(final int b)
    {
        return LITTLE_ENDIAN ? b * Byte.SIZE : (Long.BYTES - 1 - b) * Byte.SIZE;
    }
}
