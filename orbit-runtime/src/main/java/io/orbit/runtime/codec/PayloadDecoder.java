package io.orbit.runtime.codec;

import org.agrona.DirectBuffer;

/**
 * Reads a value back from its fixed layout, whichever version of the record wrote it: components
 * that end beyond {@code length} (a frame of an older version) get their default, and bytes beyond
 * this version's components (a frame of a newer version) are not read.
 *
 * @param <T> the value type.
 */
@FunctionalInterface
public interface PayloadDecoder<T>
{
    /**
     * @param buffer holds the encoded value.
     * @param offset where it starts.
     * @param length the frame's payload length (the encoded length of the version that wrote it).
     * @return the decoded value.
     */
    T decode(DirectBuffer buffer, int offset, int length);
}
