package io.orbit.runtime.ring;

import org.agrona.MutableDirectBuffer;

/**
 * Writes a value's payload straight into a claimed slot, so publishing needs no intermediate array.
 *
 * @param <T> the value type.
 */
@FunctionalInterface
public interface PayloadEncoder<T>
{
    /**
     * @param buffer the ring's memory.
     * @param offset where the payload starts; exactly the declared length may be written.
     * @param value  the value to encode.
     */
    void encode(MutableDirectBuffer buffer, int offset, T value);
}
