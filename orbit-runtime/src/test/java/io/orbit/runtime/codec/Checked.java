package io.orbit.runtime.codec;

import io.orbit.runtime.ring.RingSpec;

/**
 * A self-checking typed value for the Orbital tests: a sequence and a check word derived from it,
 * so a value assembled from two different stores (a torn read) is recognisable.
 *
 * @param seq   sequence.
 * @param check {@link #checkOf(long)} of the sequence.
 */
record Checked(long seq, long check)
{
    /** Encoded length: two little-endian longs. */
    static final int LENGTH = 16;

    static Checked of(final long seq)
    {
        return new Checked(seq, checkOf(seq));
    }

    static long checkOf(final long seq)
    {
        return Long.rotateLeft(seq * 0x9E3779B97F4A7C15L, 17) ^ 0x5DEECE66DL;
    }

    boolean intact()
    {
        return check == checkOf(seq);
    }

    /**
     * @param kind     ring KIND.
     * @param capacity slots per lane.
     * @return the hand-written codec the generated one would be (PER_NODE).
     */
    static OrbitCodec<Checked> codec(final int kind, final int capacity)
    {
        return new OrbitCodec<>(Checked.class, RingSpec.perNode(kind, capacity, LENGTH),
            new RecordLayout(1, 0L, LENGTH, "seq:long:0:8@1", "check:long:8:8@1"), value -> { },
            (buffer, offset, value) ->
            {
                buffer.putLong(offset, value.seq());
                buffer.putLong(offset + 8, value.check());
            },
            (buffer, offset, length) -> new Checked(buffer.getLong(offset), buffer.getLong(offset + 8)));
    }
}
