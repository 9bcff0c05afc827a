package io.orbit.stress;

import org.agrona.DirectBuffer;

/**
 * Self-describing payloads: {@value #LONGS} longs all equal to one value, so a frame mixing the
 * bytes of two writes cannot pass as whole.
 */
public final class Payloads
{
    /** Longs per payload. */
    public static final int LONGS = 4;
    /** Payload bytes. */
    public static final int BYTES = LONGS * Long.BYTES;

    private Payloads()
    {
    }

    /**
     * @param value the value every long carries.
     * @return a payload of {@value #LONGS} copies of the value.
     */
    public static byte[] of(final long value)
    {
        final byte[] bytes = new byte[BYTES];
        for (int i = 0; i < LONGS; i++)
        {
            for (int b = 0; b < Long.BYTES; b++)
            {
                bytes[i * Long.BYTES + b] = (byte)(value >>> (8 * b)); // little endian, as the ring's buffer reads it
            }
        }
        return bytes;
    }

    /**
     * @param payload a delivered payload.
     * @param length  its length.
     * @param value   the value every long must carry.
     * @return true when the payload is exactly {@value #LONGS} copies of the value.
     */
    public static boolean whole(final DirectBuffer payload, final int length, final long value)
    {
        if (length != BYTES)
        {
            return false;
        }
        for (int i = 0; i < LONGS; i++)
        {
            if (payload.getLong(i * Long.BYTES, java.nio.ByteOrder.LITTLE_ENDIAN) != value)
            {
                return false;
            }
        }
        return true;
    }
}
