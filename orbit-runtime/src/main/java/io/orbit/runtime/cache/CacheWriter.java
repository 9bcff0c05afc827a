package io.orbit.runtime.cache;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.exceptions.Arguments;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.ring.PayloadEncoder;
import io.orbit.runtime.ring.Ring;

import java.time.Duration;

/**
 * The write side of an {@link OrbitCache} handle: turns a PUT, DELETE or RESET into one frame of the
 * cache ring ({@link CacheFrame}), after checking that prefix + key + value fit one slot, and turns a
 * time to live into an absolute expiry on the monotonic clock. Never takes the cache's lock.
 */
final class CacheWriter
{
    private static final byte[] EMPTY = new byte[0];
    private static final PayloadEncoder<Mutation> ENCODER =
        (buffer, offset, m) -> CacheFrame.encode(buffer, offset, m.op, m.expiresAtMs, m.prefix, m.key, m.value);

    private final String fleet;
    private final Ring ring;
    private final byte[] prefix;
    private final OrbitClock clock;

    CacheWriter(final String fleet, final Ring ring, final byte[] prefix, final OrbitClock clock)
    {
        this.fleet = fleet;
        this.ring = ring;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** A PUT of a checked key and value; {@code ttl} null = never expires. */
    long put(final byte[] key, final byte[] value, final Duration ttl)
    {
        return publish(CacheFrame.OP_PUT, expiresAt(ttl), key, value);
    }

    /** A DELETE of a checked key. */
    long delete(final byte[] key)
    {
        return publish(CacheFrame.OP_DELETE, 0, key, EMPTY);
    }

    /** A RESET of this handle's prefix. */
    long reset()
    {
        return publish(CacheFrame.OP_RESET, 0, EMPTY, EMPTY);
    }

    /** A prefix must leave room in a slot at least for a RESET (header + prefix). */
    static void checkPrefix(final String fleet, final byte[] prefix, final int payloadCapacity)
    {
        if (prefix.length > CacheFrame.MAX_FIELD_LENGTH || CacheFrame.HEADER_LENGTH + prefix.length > payloadCapacity)
        {
            throw new PayloadTooLargeException("cache prefix of " + prefix.length + " bytes does not fit the payload capacity "
                + payloadCapacity + " of ring KIND " + OrbitCache.KIND + " in fleet " + fleet + " (13-byte header + prefix, "
                + "prefix at most " + CacheFrame.MAX_FIELD_LENGTH + " bytes)");
        }
    }

    /** Longest scoped key (prefix + key) a slot of this payload capacity holds. */
    static int maxScopedKeyLength(final int payloadCapacity)
    {
        return Math.max(0, Math.min(payloadCapacity - CacheFrame.HEADER_LENGTH, CacheFrame.MAX_FIELD_LENGTH));
    }

    /** Expiry times are whole milliseconds of the monotonic clock. */
    static long nowMs(final OrbitClock clock)
    {
        return Math.floorDiv(clock.monotonicNanos(), 1_000_000L);
    }

    /** The fleet and KIND that error messages about a cache name. */
    static String context(final String fleet)
    {
        return "cache of fleet " + fleet + " (ring KIND " + OrbitCache.KIND + ")";
    }

    private long publish(final int op, final long expiresAtMs, final byte[] key, final byte[] value)
    {
        final long scopedKeyLength = (long)prefix.length + key.length;
        final long length = CacheFrame.HEADER_LENGTH + scopedKeyLength + value.length;
        if (scopedKeyLength > CacheFrame.MAX_FIELD_LENGTH || value.length > CacheFrame.MAX_FIELD_LENGTH
            || length > ring.payloadCapacity())
        {
            throw new PayloadTooLargeException("cache frame of " + length + " bytes (13-byte header + scoped key "
                + scopedKeyLength + " (prefix " + prefix.length + " + key " + key.length + ") + value " + value.length
                + ") exceeds the payload capacity " + ring.payloadCapacity() + " of ring KIND " + OrbitCache.KIND + " in fleet "
                + fleet + ": scoped key + value may take at most " + maxScopedKeyLength(ring.payloadCapacity())
                + " bytes, each at most " + CacheFrame.MAX_FIELD_LENGTH);
        }
        return ring.publish(op, op == CacheFrame.OP_PUT ? expiresAtMs : 0, (int)length, ENCODER,
            new Mutation(op, expiresAtMs, prefix, key, value));
    }

    private long expiresAt(final Duration ttl)
    {
        if (ttl == null)
        {
            return 0;
        }
        Arguments.positive(ttl, "ttl", context(fleet));
        final long ttlMs = ceilMillis(ttl);
        final long now = nowMs(clock);
        final long expires = now > Long.MAX_VALUE - ttlMs ? Long.MAX_VALUE : now + ttlMs;
        return Math.max(1, expires); // 0 means "never"; a clock before its origin still expires
    }

    private static long ceilMillis(final Duration ttl)
    {
        if (ttl.getSeconds() >= Long.MAX_VALUE / 1000 - 1)
        {
            return Long.MAX_VALUE;
        }
        final long millis = ttl.getSeconds() * 1000 + ttl.getNano() / 1_000_000 + (ttl.getNano() % 1_000_000 == 0 ? 0 : 1);
        return Math.max(1, millis);
    }

    /** One mutation on its way into a claimed slot. */
    private record Mutation(int op, long expiresAtMs, byte[] prefix, byte[] key, byte[] value)
    {
    }
}
