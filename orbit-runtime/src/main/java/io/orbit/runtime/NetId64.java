package io.orbit.runtime;

import io.orbit.runtime.exceptions.InvalidNetIdException;

/**
 * 64-bit frame id minted by the writer of a frame, kept as a plain {@code long} so that ids never
 * allocate. Byte-compatible with the Rust crate {@code netid64}.
 *
 * <pre>
 *   bit 63      56 55              40 39                                   0
 *      +----------+------------------+--------------------------------------+
 *      |  KIND:8  |     NODE:16      |              COUNTER:40              |
 *      +----------+------------------+--------------------------------------+
 * </pre>
 *
 * <p>The wire form is big-endian ({@link #toBytes(long)}); the text form is {@code "kind:node:counter"}
 * in decimal, and {@link #parse(String)} also accepts {@code 0x}-prefixed hex of the raw value.
 * {@link #make(int, int, long)} keeps only the low 40 bits of the counter, so ring code compares
 * counters modulo 2<sup>40</sup> ({@link #counterMatches(long, long)}).
 */
public final class NetId64
{
    /** The sentinel "no id"; never minted by a ring. */
    public static final long ZERO = 0L;
    /** Bits of the counter field. */
    public static final int COUNTER_BITS = 40;
    /** Mask of the counter field. */
    public static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;
    /** Largest node number the id can carry. */
    public static final int MAX_NODE = 0xFFFF;
    /** Largest KIND the id can carry. */
    public static final int MAX_KIND = 0xFF;
    /** Length of the big-endian wire form. */
    public static final int BYTES = Long.BYTES;

    private static final int KIND_SHIFT = 56;
    private static final int NODE_SHIFT = 40;

    private NetId64()
    {
    }

    /**
     * Builds an id; the counter is truncated to its low 40 bits.
     *
     * @param kind    ring KIND, 0..255.
     * @param node    writer node, 0..65535.
     * @param counter writer counter; only the low 40 bits are kept.
     * @return the raw id.
     * @throws InvalidNetIdException if kind or node is out of range.
     */
    public static long make(final int kind, final int node, final long counter)
    {
        if (kind < 0 || kind > MAX_KIND)
        {
            throw new InvalidNetIdException("NetId64 kind must be 0..255, was " + kind);
        }
        if (node < 0 || node > MAX_NODE)
        {
            throw new InvalidNetIdException("NetId64 node must be 0..65535, was " + node);
        }
        return ((long)kind << KIND_SHIFT) | ((long)node << NODE_SHIFT) | (counter & COUNTER_MASK);
    }

    /**
     * @param id raw id.
     * @return the KIND field, 0..255.
     */
    public static int kind(final long id)
    {
        return (int)(id >>> KIND_SHIFT);
    }

    /**
     * @param id raw id.
     * @return the NODE field, 0..65535.
     */
    public static int node(final long id)
    {
        return (int)((id >>> NODE_SHIFT) & MAX_NODE);
    }

    /**
     * @param id raw id.
     * @return the 40-bit COUNTER field.
     */
    public static long counter(final long id)
    {
        return id & COUNTER_MASK;
    }

    /**
     * Whether an id carries a given full 64-bit counter, compared modulo 2<sup>40</sup>.
     *
     * @param id          raw id.
     * @param fullCounter the ring's 64-bit counter.
     * @return true when the id's counter field equals {@code fullCounter mod 2^40}.
     */
    public static boolean counterMatches(final long id, final long fullCounter)
    {
        return (id & COUNTER_MASK) == (fullCounter & COUNTER_MASK);
    }

    /**
     * @param id raw id.
     * @return the big-endian wire form, 8 bytes.
     */
    public static byte[] toBytes(final long id)
    {
        final byte[] bytes = new byte[BYTES];
        for (int i = 0; i < BYTES; i++)
        {
            bytes[i] = (byte)(id >>> (56 - 8 * i));
        }
        return bytes;
    }

    /**
     * @param bytes the big-endian wire form, exactly 8 bytes.
     * @return the raw id.
     * @throws InvalidNetIdException if the array is not 8 bytes long.
     */
    public static long fromBytes(final byte[] bytes)
    {
        if (bytes.length != BYTES)
        {
            throw new InvalidNetIdException("NetId64 wire form is 8 bytes, got " + bytes.length);
        }
        long id = 0;
        for (final byte b : bytes)
        {
            id = (id << 8) | (b & 0xFF);
        }
        return id;
    }

    /**
     * @param id raw id.
     * @return {@code "kind:node:counter"} in decimal.
     */
    public static String toString(final long id)
    {
        return kind(id) + ":" + node(id) + ":" + counter(id);
    }

    /**
     * @param id raw id.
     * @return {@code "NetId64(k:n:c | 0x%016X)"}, the Rust crate's debug form.
     */
    public static String toDebugString(final long id)
    {
        return String.format("NetId64(%s | 0x%016X)", toString(id), id);
    }

    /**
     * Parses {@code "kind:node:counter"} (decimal; counter truncated to 40 bits) or {@code 0x…} hex.
     *
     * @param text the text form.
     * @return the raw id.
     * @throws InvalidNetIdException if the text is neither form or a field is out of range.
     */
    public static long parse(final String text)
    {
        if (text.startsWith("0x") || text.startsWith("0X"))
        {
            final String hex = text.substring(2);
            if (hex.isEmpty() || hex.length() > 16 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0))
            {
                throw new InvalidNetIdException("not a NetId64: '" + text + "' (hex form is 0x followed by 1-16 hex digits)");
            }
            return Long.parseUnsignedLong(hex, 16);
        }
        final String[] parts = text.split(":", -1);
        if (parts.length != 3)
        {
            throw new InvalidNetIdException("not a NetId64: '" + text + "' (expected kind:node:counter or 0x…)");
        }
        final long kind = field(text, parts[0], MAX_KIND);
        final long node = field(text, parts[1], MAX_NODE);
        final long counter = field(text, parts[2], -1L);
        return make((int)kind, (int)node, counter);
    }

    private static long field(final String text, final String part, final long max)
    {
        if (part.isEmpty() || !part.chars().allMatch(c -> c >= '0' && c <= '9'))
        {
            throw new InvalidNetIdException("not a NetId64: '" + text + "' (field '" + part + "' is not a decimal number)");
        }
        final long value;
        try
        {
            value = Long.parseUnsignedLong(part);
        }
        catch (final NumberFormatException ex)
        {
            throw new InvalidNetIdException("not a NetId64: '" + text + "' (field '" + part + "' exceeds 64 bits)");
        }
        if (max >= 0 && Long.compareUnsigned(value, max) > 0)
        {
            throw new InvalidNetIdException("not a NetId64: '" + text + "' (field '" + part + "' exceeds " + max + ")");
        }
        return value;
    }
}
