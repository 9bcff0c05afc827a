package io.orbit.runtime.codec;

import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.ring.Topology;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The codec the processor generates for {@link ReadingV1} (layout version 1), hand-written.
 */
final class ReadingV1Codec
{
    static final int KIND = 34;
    static final int ENCODED_LENGTH = 16;
    static final int LAYOUT_VERSION = 1;
    /** The default: {@code roundUp(32 + 16, 64) - 32}. */
    static final int PAYLOAD_CAPACITY = 32;
    /** FNV-1a 64 of {@code long:0:8;long:8:8;}. */
    static final long LAYOUT_FINGERPRINT = 0xfabaf284b07749dfL;
    static final RecordLayout LAYOUT = new RecordLayout(LAYOUT_VERSION, LAYOUT_FINGERPRINT, ENCODED_LENGTH,
        "seq:long:0:8@1", "check:long:8:8@1");
    static final RingSpec RING_SPEC = new RingSpec(KIND, 64, PAYLOAD_CAPACITY, Topology.PER_NODE, LAYOUT_FINGERPRINT);
    static final OrbitCodec<ReadingV1> CODEC = new OrbitCodec<>(ReadingV1.class, RING_SPEC, LAYOUT,
        value -> { }, ReadingV1Codec::encodeValidated, ReadingV1Codec::decode);

    private ReadingV1Codec()
    {
    }

    static void encodeValidated(final MutableDirectBuffer buffer, final int offset, final ReadingV1 value)
    {
        buffer.putLong(offset, value.seq(), ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 8, value.check(), ByteOrder.LITTLE_ENDIAN);
    }

    static ReadingV1 decode(final DirectBuffer buffer, final int offset, final int length)
    {
        return new ReadingV1(seq(buffer, offset), check(buffer, offset));
    }

    static long seq(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN);
    }

    static long check(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN);
    }
}
