package io.orbit.runtime.cache;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The wire format of one cache mutation (the payload of one frame on ring KIND 200), and a
 * reusable, non-allocating decoder flyweight. Compatible with the orbit-rs {@code OrbitCache}
 * payload; all integers little-endian.
 *
 * <table>
 *   <caption>Cache mutation payload (13-byte header)</caption>
 *   <tr><th>Offset</th><th>Size</th><th>Field</th></tr>
 *   <tr><td>0</td><td>1</td><td>op: 1 PUT, 2 DELETE, 3 RESET (equal to the frame kind)</td></tr>
 *   <tr><td>1</td><td>2</td><td>key_len u16</td></tr>
 *   <tr><td>3</td><td>2</td><td>value_len u16</td></tr>
 *   <tr><td>5</td><td>8</td><td>expires_at_ms u64: monotonic milliseconds (docs/spec.md §4.4), 0 = never</td></tr>
 *   <tr><td>13</td><td>key_len</td><td>scoped key: cache prefix + key (RESET: the prefix being reset)</td></tr>
 *   <tr><td>13 + key_len</td><td>value_len</td><td>value (empty for DELETE and RESET)</td></tr>
 * </table>
 *
 * <p>Decoding is strict, so a damaged or foreign frame is rejected rather than misread: the payload
 * must be exactly {@code 13 + key_len + value_len} bytes, the op must be 1..3 and equal the frame
 * kind, and DELETE and RESET must carry no value and {@code expires_at_ms = 0}. A rejected frame is
 * counted {@code undecodable} by the cache and takes no part in any lookup.
 */
public final class CacheFrame
{
    /** Offset of the op byte. */
    public static final int OP_OFFSET = 0;
    /** Offset of key_len (u16). */
    public static final int KEY_LENGTH_OFFSET = 1;
    /** Offset of value_len (u16). */
    public static final int VALUE_LENGTH_OFFSET = 3;
    /** Offset of expires_at_ms (u64). */
    public static final int EXPIRES_AT_OFFSET = 5;
    /** Bytes of the header; the key starts here. */
    public static final int HEADER_LENGTH = 13;
    /** Largest key_len or value_len the u16 fields can carry. */
    public static final int MAX_FIELD_LENGTH = 0xFFFF;

    /** op / frame kind: a value for a key. */
    public static final int OP_PUT = 1;
    /** op / frame kind: a key removed. */
    public static final int OP_DELETE = 2;
    /** op / frame kind: every key starting with the frame's key removed. */
    public static final int OP_RESET = 3;

    private DirectBuffer buffer;
    private int offset;
    private int op;
    private int keyLength;
    private int valueLength;
    private long expiresAtMs;

    /**
     * @param keyLength   scoped key bytes.
     * @param valueLength value bytes.
     * @return payload bytes of a mutation with these lengths.
     */
    public static int encodedLength(final int keyLength, final int valueLength)
    {
        return HEADER_LENGTH + keyLength + valueLength;
    }

    /**
     * Writes one mutation. The caller has checked the lengths (u16 each, total within the slot).
     *
     * @param buffer      destination (a claimed slot's payload, or a scratch buffer).
     * @param offset      where the payload starts.
     * @param op          {@link #OP_PUT}, {@link #OP_DELETE} or {@link #OP_RESET}.
     * @param expiresAtMs monotonic expiry in ms, 0 for never.
     * @param prefix      first part of the scoped key.
     * @param key         second part of the scoped key.
     * @param value       value bytes.
     */
    public static void encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final int op,
        final long expiresAtMs,
        final byte[] prefix,
        final byte[] key,
        final byte[] value)
    {
        final int keyLength = prefix.length + key.length;
        buffer.putByte(offset + OP_OFFSET, (byte)op);
        buffer.putShort(offset + KEY_LENGTH_OFFSET, (short)keyLength, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(offset + VALUE_LENGTH_OFFSET, (short)value.length, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + EXPIRES_AT_OFFSET, expiresAtMs, ByteOrder.LITTLE_ENDIAN);
        buffer.putBytes(offset + HEADER_LENGTH, prefix);
        buffer.putBytes(offset + HEADER_LENGTH + prefix.length, key);
        buffer.putBytes(offset + HEADER_LENGTH + keyLength, value);
    }

    /**
     * Points this flyweight at a payload and validates it; never throws, whatever the bytes.
     *
     * @param buffer    holds the payload.
     * @param offset    payload start.
     * @param length    payload length.
     * @param frameKind the frame kind the payload arrived with.
     * @return true when the payload is a well-formed mutation; the accessors are valid only then.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length, final int frameKind)
    {
        this.buffer = null;
        if (buffer == null || offset < 0 || length < HEADER_LENGTH || (long)offset + length > buffer.capacity())
        {
            return false;
        }
        final int op = buffer.getByte(offset + OP_OFFSET) & 0xFF;
        if (op < OP_PUT || op > OP_RESET || op != frameKind)
        {
            return false;
        }
        final int keyLength = buffer.getShort(offset + KEY_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int valueLength = buffer.getShort(offset + VALUE_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final long expiresAtMs = buffer.getLong(offset + EXPIRES_AT_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (HEADER_LENGTH + keyLength + valueLength != length)
        {
            return false;
        }
        if (op != OP_PUT && (valueLength != 0 || expiresAtMs != 0))
        {
            return false;
        }
        this.buffer = buffer;
        this.offset = offset;
        this.op = op;
        this.keyLength = keyLength;
        this.valueLength = valueLength;
        this.expiresAtMs = expiresAtMs;
        return true;
    }

    /**
     * @return the buffer of the last valid {@link #wrap}.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the op: {@link #OP_PUT}, {@link #OP_DELETE} or {@link #OP_RESET}.
     */
    public int op()
    {
        return op;
    }

    /**
     * @return offset of the scoped key in {@link #buffer()}.
     */
    public int keyOffset()
    {
        return offset + HEADER_LENGTH;
    }

    /**
     * @return scoped key bytes.
     */
    public int keyLength()
    {
        return keyLength;
    }

    /**
     * @return offset of the value in {@link #buffer()}.
     */
    public int valueOffset()
    {
        return offset + HEADER_LENGTH + keyLength;
    }

    /**
     * @return value bytes.
     */
    public int valueLength()
    {
        return valueLength;
    }

    /**
     * @return monotonic expiry in ms as an unsigned 64-bit value; 0 = never.
     */
    public long expiresAtMs()
    {
        return expiresAtMs;
    }
}
