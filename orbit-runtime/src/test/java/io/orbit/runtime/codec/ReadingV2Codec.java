package io.orbit.runtime.codec;

import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.ring.Topology;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The codec the processor generates for {@link ReadingV2} (layout version 2), hand-written: the
 * version-1 components as {@link ReadingV1Codec} has them, then {@code extra} and {@code label}
 * with their presence readers; the fingerprint and payload capacity stay version 1's.
 */
final class ReadingV2Codec
{
    static final int KIND = ReadingV1Codec.KIND;
    static final int ENCODED_LENGTH = 32;
    static final int LAYOUT_VERSION = 2;
    static final int PAYLOAD_CAPACITY = ReadingV1Codec.PAYLOAD_CAPACITY;
    static final long LAYOUT_FINGERPRINT = ReadingV1Codec.LAYOUT_FINGERPRINT;
    static final int EXTRA_OFFSET = 16;
    static final int LABEL_OFFSET = 24;
    static final int LABEL_LENGTH = 8;
    static final RecordLayout LAYOUT = new RecordLayout(LAYOUT_VERSION, LAYOUT_FINGERPRINT, ENCODED_LENGTH,
        "seq:long:0:8@1", "check:long:8:8@1", "extra:long:16:8@2", "label:utf8[8]:24:8@2");
    static final RingSpec RING_SPEC = new RingSpec(KIND, 64, PAYLOAD_CAPACITY, Topology.PER_NODE, LAYOUT_FINGERPRINT);
    static final OrbitCodec<ReadingV2> CODEC = new OrbitCodec<>(ReadingV2.class, RING_SPEC, LAYOUT,
        value -> FixedUtf8.validate(value.label(), LABEL_LENGTH, "ReadingV2.label"), ReadingV2Codec::encodeValidated,
        ReadingV2Codec::decode);

    private ReadingV2Codec()
    {
    }

    static void encodeValidated(final MutableDirectBuffer buffer, final int offset, final ReadingV2 value)
    {
        buffer.putLong(offset, value.seq(), ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 8, value.check(), ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + EXTRA_OFFSET, value.extra(), ByteOrder.LITTLE_ENDIAN);
        FixedUtf8.put(buffer, offset + LABEL_OFFSET, value.label(), LABEL_LENGTH);
    }

    /** Components that end beyond {@code length} (a frame of version 1) get their defaults. */
    static ReadingV2 decode(final DirectBuffer buffer, final int offset, final int length)
    {
        return new ReadingV2(ReadingV1Codec.seq(buffer, offset), ReadingV1Codec.check(buffer, offset),
            extra(buffer, offset, length), label(buffer, offset, length));
    }

    static boolean hasExtra(final int length)
    {
        return EXTRA_OFFSET + Long.BYTES <= length;
    }

    static boolean hasLabel(final int length)
    {
        return LABEL_OFFSET + LABEL_LENGTH <= length;
    }

    static long extra(final DirectBuffer buffer, final int offset, final int length)
    {
        return hasExtra(length) ? buffer.getLong(offset + EXTRA_OFFSET, ByteOrder.LITTLE_ENDIAN) : 0L;
    }

    static String label(final DirectBuffer buffer, final int offset, final int length)
    {
        return hasLabel(length) ? FixedUtf8.get(buffer, offset + LABEL_OFFSET, LABEL_LENGTH) : "";
    }
}
