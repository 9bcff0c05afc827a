package io.orbit.runtime.cache;

import org.agrona.DirectBuffer;

import java.util.Arrays;

/**
 * Byte-string key of the cache index, compared by content. Stored keys own an exact copy; a
 * <em>probe</em> is a mutable key reused for lookups so the read path allocates no key. A probe
 * must never be stored in a map.
 */
final class ByteKey
{
    private byte[] bytes;
    private int length;
    private int hash;

    private ByteKey(final byte[] bytes, final int length)
    {
        this.bytes = bytes;
        this.length = length;
        this.hash = hashOf(bytes, length);
    }

    /**
     * @param initialCapacity bytes the probe holds before it has to grow.
     * @return an empty, reusable probe.
     */
    static ByteKey probe(final int initialCapacity)
    {
        return new ByteKey(new byte[Math.max(initialCapacity, 16)], 0);
    }

    /**
     * @return an immutable copy of this key, fit to store.
     */
    ByteKey copy()
    {
        return new ByteKey(Arrays.copyOf(bytes, length), length);
    }

    /** Sets the probe to {@code prefix + key}. */
    ByteKey set(final byte[] prefix, final byte[] key)
    {
        ensure(prefix.length + key.length);
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(key, 0, bytes, prefix.length, key.length);
        return rehash(prefix.length + key.length);
    }

    /** Sets the probe to bytes of a buffer. */
    ByteKey set(final DirectBuffer buffer, final int offset, final int length)
    {
        ensure(length);
        buffer.getBytes(offset, bytes, 0, length);
        return rehash(length);
    }

    /** Sets the probe to the first {@code prefixLength} bytes of another key. */
    ByteKey setPrefixOf(final ByteKey other, final int prefixLength)
    {
        ensure(prefixLength);
        System.arraycopy(other.bytes, 0, bytes, 0, prefixLength);
        return rehash(prefixLength);
    }

    int length()
    {
        return length;
    }

    /** @return true when this key's bytes begin with all of {@code prefix}'s (RESET coverage). */
    boolean startsWith(final ByteKey prefix)
    {
        return prefix.length <= length && Arrays.equals(bytes, 0, prefix.length, prefix.bytes, 0, prefix.length);
    }

    private void ensure(final int capacity)
    {
        if (bytes.length < capacity)
        {
            bytes = new byte[Math.max(capacity, bytes.length * 2)];
        }
    }

    private ByteKey rehash(final int newLength)
    {
        length = newLength;
        hash = hashOf(bytes, newLength);
        return this;
    }

    private static int hashOf(final byte[] bytes, final int length)
    {
        int h = 1;
        for (int i = 0; i < length; i++)
        {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof ByteKey other && other.length == length && other.hash == hash
            && Arrays.equals(bytes, 0, length, other.bytes, 0, length);
    }

    @Override
    public int hashCode()
    {
        return hash;
    }

    @Override
    public String toString()
    {
        return "ByteKey{" + length + " bytes}";
    }
}
