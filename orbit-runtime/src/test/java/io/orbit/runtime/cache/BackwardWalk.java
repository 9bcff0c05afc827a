package io.orbit.runtime.cache;

import io.orbit.runtime.ring.FrameView;
import io.orbit.runtime.ring.Ring;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The reference the cache index must match: the orbit-rs {@code get_entry} walk, written
 * independently of the main code (own decoder, no index). Walks the ring's retained window from
 * {@code head - 1} down with {@link Ring#readAt} (checked reads: never a stale slot), skips what does
 * not decode, and lets the first frame that is a RESET of a prefix of the key, or a PUT/DELETE of
 * exactly the key, decide.
 */
final class BackwardWalk
{
    private BackwardWalk()
    {
    }

    /**
     * @param ring      the cache ring.
     * @param scopedKey prefix + key.
     * @param nowMs     monotonic now in ms.
     * @return what the cache must answer.
     */
    static CacheRead read(final Ring ring, final byte[] scopedKey, final long nowMs)
    {
        final FrameView view = ring.newFrameView();
        final long head = ring.head(0);
        for (long counter = head - 1; counter >= Math.max(0, head - ring.capacity()); counter--)
        {
            if (!ring.readAt(0, counter, view))
            {
                continue;
            }
            final byte[] payload = new byte[view.payloadLength()];
            view.payload().getBytes(0, payload);
            final Decoded frame = decode(payload, view.frameKind());
            if (frame == null)
            {
                continue;
            }
            if (frame.op == 3 && startsWith(scopedKey, frame.key))
            {
                return CacheRead.miss(CacheRead.Outcome.RESET, counter, 0);
            }
            if (frame.op != 3 && Arrays.equals(frame.key, scopedKey))
            {
                if (frame.op == 2)
                {
                    return CacheRead.miss(CacheRead.Outcome.DELETED, counter, 0);
                }
                if (frame.expiresAt != 0 && Long.compareUnsigned(frame.expiresAt, nowMs) <= 0)
                {
                    return CacheRead.miss(CacheRead.Outcome.EXPIRED, counter, frame.expiresAt);
                }
                return CacheRead.hit(frame.value, counter, frame.expiresAt);
            }
        }
        return CacheRead.miss(CacheRead.Outcome.ABSENT, -1, 0);
    }

    /** A decoded mutation, or null: the strict rules of docs/substrates/cache.md, restated. */
    static Decoded decode(final byte[] payload, final int frameKind)
    {
        if (payload.length < 13)
        {
            return null;
        }
        final ByteBuffer bytes = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        final int op = bytes.get(0) & 0xFF;
        final int keyLength = bytes.getShort(1) & 0xFFFF;
        final int valueLength = bytes.getShort(3) & 0xFFFF;
        final long expiresAt = bytes.getLong(5);
        if (op < 1 || op > 3 || op != frameKind || 13 + keyLength + valueLength != payload.length)
        {
            return null;
        }
        if (op != 1 && (valueLength != 0 || expiresAt != 0))
        {
            return null;
        }
        return new Decoded(op, Arrays.copyOfRange(payload, 13, 13 + keyLength),
            Arrays.copyOfRange(payload, 13 + keyLength, payload.length), expiresAt);
    }

    /**
     * Encodes a mutation the way an independent writer would.
     */
    static byte[] encode(final int op, final byte[] scopedKey, final byte[] value, final long expiresAt)
    {
        final ByteBuffer bytes = ByteBuffer.allocate(13 + scopedKey.length + value.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte)op).putShort((short)scopedKey.length).putShort((short)value.length).putLong(expiresAt);
        bytes.put(scopedKey).put(value);
        return bytes.array();
    }

    static byte[] concat(final byte[] a, final byte[] b)
    {
        final byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static boolean startsWith(final byte[] key, final byte[] prefix)
    {
        return prefix.length <= key.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    record Decoded(int op, byte[] key, byte[] value, long expiresAt)
    {
    }
}
