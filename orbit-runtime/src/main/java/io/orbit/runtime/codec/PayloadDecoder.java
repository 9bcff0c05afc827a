package io.orbit.runtime.codec;

import org.agrona.DirectBuffer;

/**
 * Reads a value back from its fixed layout.
 *
 * @param <T> the value type.
 */
@FunctionalInterface
public interface PayloadDecoder<T>
{
    /**
     * @param buffer holds the encoded value.
     * @param offset where it starts.
     * @return the decoded value.
     */
    T decode(DirectBuffer buffer, int offset);
}
