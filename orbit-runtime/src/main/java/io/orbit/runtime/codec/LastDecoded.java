package io.orbit.runtime.codec;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Optional;

/**
 * The last value decoded per source (a lane, or the whole ring), keyed by its encoded bytes: a
 * value read again while nothing changed is handed back without decoding or allocating. Keyed by
 * the bytes rather than the frame id, because ids repeat after a ring reset; decoding is a function
 * of the bytes alone, so equal bytes always mean an equal value.
 *
 * <p>Not thread-safe: one per reading thread.
 *
 * @param <T> the record type.
 */
final class LastDecoded<T>
{
    private final PayloadDecoder<T> decoder;
    private final int length;
    private final UnsafeBuffer[] bytes;
    private final Object[] values;

    /**
     * @param decoder decodes a value.
     * @param length  encoded length of every value.
     * @param sources how many sources are remembered (indices 0 .. sources-1).
     */
    LastDecoded(final PayloadDecoder<T> decoder, final int length, final int sources)
    {
        this.decoder = decoder;
        this.length = length;
        this.bytes = new UnsafeBuffer[sources];
        this.values = new Object[sources];
    }

    /**
     * @param source  source index.
     * @param payload an encoded value of {@code length} bytes at offset 0.
     * @return the decoded value, the remembered one when the bytes are the same.
     */
    @SuppressWarnings("unchecked")
    Optional<T> decode(final int source, final DirectBuffer payload)
    {
        UnsafeBuffer known = bytes[source];
        if (known != null && sameBytes(known, payload))
        {
            return (Optional<T>)values[source];
        }
        final Optional<T> value = Optional.of(decoder.decode(payload, 0));
        if (known == null)
        {
            known = new UnsafeBuffer(new byte[Math.max(length, 1)]);
            bytes[source] = known;
        }
        known.putBytes(0, payload, 0, length);
        values[source] = value;
        return value;
    }

    private boolean sameBytes(final UnsafeBuffer known, final DirectBuffer payload)
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
