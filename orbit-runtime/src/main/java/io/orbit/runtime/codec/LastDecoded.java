package io.orbit.runtime.codec;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Optional;

/**
 * The last value decoded per source (a lane, or the whole ring), keyed by its payload length and
 * bytes: a value read again while nothing changed is handed back without decoding or allocating.
 * Keyed by the bytes rather than the frame id, because ids repeat after a ring reset; decoding is a
 * function of the length and bytes alone (the length says which components a frame holds), so
 * equal length and bytes always mean an equal value.
 *
 * <p>Not thread-safe: one per reading thread.
 *
 * @param <T> the record type.
 */
final class LastDecoded<T>
{
    private final PayloadDecoder<T> decoder;
    private final int maxLength;
    private final UnsafeBuffer[] bytes;
    private final int[] lengths;
    private final Object[] values;

    /**
     * @param decoder decodes a value.
     * @param maxLength longest payload (the ring's payload capacity).
     * @param sources   how many sources are remembered (indices 0 .. sources-1).
     */
    LastDecoded(final PayloadDecoder<T> decoder, final int maxLength, final int sources)
    {
        this.decoder = decoder;
        this.maxLength = maxLength;
        this.bytes = new UnsafeBuffer[sources];
        this.lengths = new int[sources];
        this.values = new Object[sources];
    }

    /**
     * @param source  source index.
     * @param payload an encoded value at offset 0.
     * @param length  its payload length, at most {@code maxLength}.
     * @return the decoded value, the remembered one when the length and bytes are the same.
     */
    @SuppressWarnings("unchecked")
    Optional<T> decode(final int source, final DirectBuffer payload, final int length)
    {
        UnsafeBuffer known = bytes[source];
        if (known != null && lengths[source] == length && sameBytes(known, payload, length))
        {
            return (Optional<T>)values[source];
        }
        final Optional<T> value = Optional.of(decoder.decode(payload, 0, length));
        if (known == null)
        {
            known = new UnsafeBuffer(new byte[Math.max(maxLength, 1)]);
            bytes[source] = known;
        }
        known.putBytes(0, payload, 0, length);
        lengths[source] = length;
        values[source] = value;
        return value;
    }

    private static boolean sameBytes(final UnsafeBuffer known, final DirectBuffer payload, final int length)
    {
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            if (known.getLong(i) != payload.getLong(i))
            {
                return false;
            }
        }
        for (; i < length; i++)
        {
            if (known.getByte(i) != payload.getByte(i))
            {
                return false;
            }
        }
        return true;
    }
}
