package io.orbit.runtime.cache;

import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.exceptions.Arguments;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.Notify;
import io.orbit.runtime.ring.RingSpec;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A fleet-wide cache of byte keys and byte values with optional expiry, over the SHARED ring of
 * the reserved KIND {@value #KIND}. Every mutation is one frame (frame kind = op: 1 PUT, 2 DELETE,
 * 3 RESET; payload as {@link CacheFrame} describes). A lookup answers what a backward walk over the
 * ring's retained window answers: the newest mutation of the key wins, a DELETE shadows older PUTs,
 * a RESET shadows older entries whose scoped key starts with the reset prefix, an expired PUT is a
 * miss, and what has left the window is gone.
 *
 * <p>Unlike orbit-rs, which walked up to 65 536 slots per {@code get}, lookups are served from a
 * process-local index fed by a cursor over the ring ({@link CacheIndex}, {@link CacheFeed}): after
 * catching up with the frames published since the previous lookup, a lookup is O(1) in the ring
 * capacity.
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.joinShmAs("shop", 4, node))
 * {
 *     OrbitCache sessions = OrbitCache.withPrefix(fleet, "session:");
 *     sessions.put("alice", "token-1", Duration.ofMinutes(5));
 *     Optional<String> token = sessions.getString("alice");
 * }
 * }</pre>
 *
 * <p>Keys are scoped: the bytes on the ring are {@code prefix + key}. A RESET removes every key that
 * <em>starts with</em> this cache's prefix, byte for byte, across all caches of the fleet: the empty
 * prefix resets every cache, and prefix {@code "a"} also resets a cache with prefix {@code "ab"}
 * (docs/orbit-rs.md W19, kept for compatibility; choose prefixes that are not prefixes of each
 * other, for example ending them with {@code ':'}).
 *
 * <p>Expiry is on the monotonic clock shared by the processes of one host ({@link OrbitClock#monotonicNanos()},
 * in ms), not on wall time as in orbit-rs, so NTP steps neither extend nor cut a TTL.
 *
 * <p>Thread-safe. Writes never take the cache's lock; lookups of one handle are serialised.
 */
public final class OrbitCache
{
    /** The reserved ring KIND of the cache. */
    public static final int KIND = 200;
    /** Default slots of the cache ring: the window of mutations a lookup can see. */
    public static final int DEFAULT_CAPACITY = 16_384;
    /** Default payload bytes per slot: key + value of one mutation may then take 243 bytes. */
    public static final int DEFAULT_PAYLOAD_CAPACITY = 256;

    private static final byte[] EMPTY = new byte[0];

    private final Fleet fleet;
    private final Ring ring;
    private final byte[] prefix;
    private final OrbitClock clock;
    private final CacheIndex index;
    private final CacheFeed feed;
    private final CacheWriter writer;

    private OrbitCache(final Fleet fleet, final Ring ring, final byte[] prefix, final OrbitClock clock)
    {
        this.fleet = fleet;
        this.ring = ring;
        this.prefix = prefix;
        this.clock = clock;
        this.index = new CacheIndex(ring.capacity(), CacheWriter.maxScopedKeyLength(ring.payloadCapacity()));
        this.feed = new CacheFeed(ring, index);
        this.writer = new CacheWriter(fleet.name(), ring, prefix, clock);
    }

    /**
     * Opens the cache with the empty prefix and the default ring.
     *
     * @param fleet the fleet.
     * @return the cache.
     */
    public static OrbitCache open(final Fleet fleet)
    {
        return builder(fleet).open();
    }

    /**
     * Opens the cache with a key prefix and the default ring.
     *
     * @param fleet  the fleet.
     * @param prefix key prefix, UTF-8 encoded.
     * @return the cache.
     * @deprecated use {@code OrbitCache.builder(fleet).prefix(prefix).open()}.
     */
    @Deprecated
    public static OrbitCache withPrefix(final Fleet fleet, final String prefix)
    {
        return builder(fleet).prefix(prefix).open();
    }

    /**
     * Opens the cache with a key prefix and the default ring.
     *
     * @param fleet  the fleet.
     * @param prefix key prefix bytes.
     * @return the cache.
     * @deprecated use {@code OrbitCache.builder(fleet).prefix(prefix).open()}.
     */
    @Deprecated
    public static OrbitCache withPrefix(final Fleet fleet, final byte[] prefix)
    {
        return builder(fleet).prefix(prefix).open();
    }

    /**
     * @param fleet the fleet.
     * @return a builder for a cache with another clock or ring size.
     */
    public static Builder builder(final Fleet fleet)
    {
        return new Builder(fleet);
    }

    /**
     * @param capacity        ring slots, a power of two.
     * @param payloadCapacity payload bytes per slot.
     * @return the SHARED spec of the cache ring; its publishers wake blocked subscribers ({@link #await}).
     */
    public static RingSpec ringSpec(final int capacity, final int payloadCapacity)
    {
        return RingSpec.shared(KIND, capacity, payloadCapacity).withNotify(Notify.WAITERS);
    }

    // --------------------------------------------------------------------------------------- writes

    /**
     * Stores a value that never expires.
     *
     * @param key   key inside this cache's prefix.
     * @param value value bytes.
     * @return the NetId64 of the PUT frame.
     * @throws PayloadTooLargeException before anything is published, when prefix + key + value do not fit one slot.
     */
    public long put(final byte[] key, final byte[] value)
    {
        return put(key, value, null);
    }

    /**
     * Stores a value that expires after {@code ttl} on the monotonic clock.
     *
     * @param key   key inside this cache's prefix.
     * @param value value bytes.
     * @param ttl   time to live, positive; {@code null} = never expires; rounded up to whole
     *              milliseconds (never expires early).
     * @return the NetId64 of the PUT frame.
     * @throws PayloadTooLargeException before anything is published, when prefix + key + value do not fit one slot.
     * @throws io.orbit.runtime.exceptions.InvalidArgumentException for a null or empty key, a null value,
     *         or a zero or negative ttl.
     */
    public long put(final byte[] key, final byte[] value, final Duration ttl)
    {
        requireKey(key);
        require(value, "value");
        return writer.put(key, value, ttl);
    }

    /**
     * Stores a UTF-8 value that never expires.
     *
     * @param key   key, UTF-8 encoded.
     * @param value value, UTF-8 encoded.
     * @return the NetId64 of the PUT frame.
     */
    public long put(final String key, final String value)
    {
        return put(utf8(key, "key"), utf8(value, "value"), null);
    }

    /**
     * Stores a UTF-8 value with a time to live.
     *
     * @param key   key, UTF-8 encoded.
     * @param value value, UTF-8 encoded.
     * @param ttl   time to live, as for {@link #put(byte[], byte[], Duration)}.
     * @return the NetId64 of the PUT frame.
     */
    public long put(final String key, final String value, final Duration ttl)
    {
        return put(utf8(key, "key"), utf8(value, "value"), ttl);
    }

    /**
     * Removes a key (publishes a DELETE, which shadows every older PUT of the key).
     *
     * @param key key inside this cache's prefix.
     * @return the NetId64 of the DELETE frame.
     */
    public long delete(final byte[] key)
    {
        requireKey(key);
        return writer.delete(key);
    }

    /**
     * @param key key, UTF-8 encoded.
     * @return the NetId64 of the DELETE frame.
     */
    public long delete(final String key)
    {
        return delete(utf8(key, "key"));
    }

    /**
     * Removes every key whose scoped bytes start with this cache's prefix, in every cache of the
     * fleet (see the class comment: the empty prefix resets everything).
     *
     * @return the NetId64 of the RESET frame.
     */
    public long reset()
    {
        return writer.reset();
    }

    // ---------------------------------------------------------------------------------------- reads

    /**
     * Looks a key up, catching up with the ring first.
     *
     * @param key key inside this cache's prefix.
     * @return the value on a hit; empty on a miss (absent, deleted, expired or reset).
     */
    public Optional<byte[]> get(final byte[] key)
    {
        return read(key).value();
    }

    /**
     * The zero-allocation lookup: catches up with the ring, then copies the value of a hit into the
     * caller's buffer.
     *
     * @param key    key inside this cache's prefix.
     * @param dst    where the value goes.
     * @param offset where in {@code dst} it starts.
     * @return the value's length on a hit (bytes {@code offset .. offset+length-1} of {@code dst}); -1 on a
     *         miss (absent, deleted, expired or reset), with {@code dst} untouched.
     * @throws InvalidArgumentException for a null key or buffer, or when the value does not fit {@code dst}
     *                               past {@code offset} (nothing is copied then).
     */
    public int get(final byte[] key, final MutableDirectBuffer dst, final int offset)
    {
        require(key, "key");
        require(dst, "destination buffer");
        synchronized (feed)
        {
            feed.catchUp();
            final byte[] value = index.hitValue(prefix, key, nowMs());
            if (value == null)
            {
                return -1;
            }
            if (offset < 0 || (long)offset + value.length > dst.capacity())
            {
                throw new InvalidArgumentException("cache of fleet " + fleet.name() + " (ring KIND " + KIND + "): the value of "
                    + value.length + " bytes does not fit the destination buffer of " + dst.capacity() + " bytes at offset " + offset);
            }
            dst.putBytes(offset, value);
            return value.length;
        }
    }

    /**
     * @param key key, UTF-8 encoded.
     * @return the value on a hit.
     */
    public Optional<byte[]> get(final String key)
    {
        return get(utf8(key, "key"));
    }

    /**
     * @param key key, UTF-8 encoded.
     * @return the value decoded as UTF-8 on a hit.
     */
    public Optional<String> getString(final String key)
    {
        return get(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Blocks until another put, delete or reset may have changed the cache (any process's, this
     * one's included), or the timeout passes; then {@link #get} sees it.
     *
     * @param timeout longest wait.
     * @return true when the ring moved past what this cache has applied; false on timeout.
     */
    public boolean await(final Duration timeout)
    {
        return feed.await(timeout);
    }

    /**
     * Looks a key up, catching up with the ring first, and says why it is a hit or a miss.
     *
     * @param key key inside this cache's prefix.
     * @return the outcome, value and revision.
     */
    public CacheRead read(final byte[] key)
    {
        require(key, "key");
        synchronized (feed)
        {
            feed.catchUp();
            return index.read(prefix, key, nowMs());
        }
    }

    /**
     * @param key key, UTF-8 encoded.
     * @return the outcome, value and revision.
     */
    public CacheRead read(final String key)
    {
        return read(utf8(key, "key"));
    }

    /**
     * @return a snapshot of this handle's counts, after catching up with the ring.
     */
    public CacheStats stats()
    {
        synchronized (feed)
        {
            feed.catchUp();
            return feed.stats();
        }
    }

    // ------------------------------------------------------------------------------------ accessors

    /**
     * @return a copy of this cache's key prefix.
     */
    public byte[] prefix()
    {
        return prefix.clone();
    }

    /**
     * @return the ring holding the mutations.
     */
    public Ring ring()
    {
        return ring;
    }

    /**
     * @return the clock used for expiry.
     */
    public OrbitClock clock()
    {
        return clock;
    }

    /**
     * @return bytes left for key + value in one PUT, after the header and this cache's prefix.
     */
    public int maxKeyAndValueLength()
    {
        return ring.payloadCapacity() - CacheFrame.HEADER_LENGTH - prefix.length;
    }

    private long nowMs()
    {
        return CacheWriter.nowMs(clock);
    }

    private void require(final Object argument, final String what)
    {
        if (argument == null)
        {
            Arguments.notNull(argument, what, context());
        }
    }

    /** Keys are non-empty; the context string is built only on failure (get is a hot path). */
    private void requireKey(final byte[] key)
    {
        if (key == null || key.length == 0)
        {
            Arguments.label(Arguments.notNull(key, "key", context()).length, "key", CacheWriter.maxScopedKeyLength(ring.payloadCapacity())
                - prefix.length, context());
        }
    }

    private String context()
    {
        return CacheWriter.context(fleet.name());
    }

    private byte[] utf8(final String text, final String what)
    {
        require(text, what);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString()
    {
        return "OrbitCache{fleet=" + fleet.name() + ", prefix=" + prefix.length + " bytes, " + ring + "}";
    }

    /**
     * Options of a cache handle. Every handle of one fleet must use the same ring capacity and payload
     * capacity (the ring's spec): another spec raises {@link io.orbit.runtime.exceptions.KindConflictException}
     * in this process and {@link io.orbit.runtime.exceptions.SegmentLayoutException} against a segment that exists.
     */
    public static final class Builder
    {
        private final Fleet fleet;
        private byte[] prefix = EMPTY;
        private OrbitClock clock;
        private int capacity = DEFAULT_CAPACITY;
        private int payloadCapacity = DEFAULT_PAYLOAD_CAPACITY;

        private Builder(final Fleet fleet)
        {
            this.fleet = Arguments.notNull(fleet, "fleet", "cache (ring KIND " + KIND + ")");
            this.clock = fleet.clock();
        }

        /**
         * @param prefix key prefix bytes (copied).
         * @return this builder.
         */
        public Builder prefix(final byte[] prefix)
        {
            this.prefix = Arguments.notNull(prefix, "prefix", CacheWriter.context(fleet.name())).clone();
            return this;
        }

        /**
         * @param prefix key prefix, UTF-8 encoded.
         * @return this builder.
         */
        public Builder prefix(final String prefix)
        {
            this.prefix = Arguments.notNull(prefix, "prefix", CacheWriter.context(fleet.name())).getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * @param clock clock for expiry (its monotonic time); tests pass a {@link io.orbit.runtime.ManualClock}.
         * @return this builder.
         */
        public Builder clock(final OrbitClock clock)
        {
            this.clock = Arguments.notNull(clock, "clock", CacheWriter.context(fleet.name()));
            return this;
        }

        /**
         * @param capacity ring slots, a power of two (default {@value OrbitCache#DEFAULT_CAPACITY}).
         * @return this builder.
         */
        public Builder capacity(final int capacity)
        {
            this.capacity = capacity;
            return this;
        }

        /**
         * @param payloadCapacity payload bytes per slot (default {@value OrbitCache#DEFAULT_PAYLOAD_CAPACITY}).
         * @return this builder.
         */
        public Builder payloadCapacity(final int payloadCapacity)
        {
            this.payloadCapacity = payloadCapacity;
            return this;
        }

        /**
         * Opens the cache ring (creating or attaching to it) and the handle.
         *
         * @return the cache.
         * @throws io.orbit.runtime.exceptions.InvalidRingSpecException when the capacity is not a power of two.
         * @throws PayloadTooLargeException when the prefix leaves no room in a slot even for a RESET.
         */
        public OrbitCache open()
        {
            final RingSpec spec = ringSpec(capacity, payloadCapacity);
            CacheWriter.checkPrefix(fleet.name(), prefix, payloadCapacity);
            return new OrbitCache(fleet, fleet.ring(spec, OrbitCache.class), prefix, clock);
        }

        /**
         * @return the cache.
         * @deprecated use {@link #open()}, the name every substrate builder uses.
         */
        @Deprecated
        public OrbitCache build()
        {
            return open();
        }
    }
}
