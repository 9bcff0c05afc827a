package io.orbit.runtime.cache;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.NetId64;
import io.orbit.runtime.OrbitClock;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.InvalidRingSpecException;
import io.orbit.runtime.exceptions.KindConflictException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.Topology;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The orbit-rs cache tests ({@code tests/cache.rs} and the unit test in {@code cache/mod.rs}),
 * ported and run on process-local and shared-memory fleets, plus the API's own rules: TTL forms,
 * size limits, the window, the monotonic expiry clock, prefix-of-bytes RESET, ring resets.
 */
class OrbitCacheTest
{
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ShmDirectory dir;
    private String name;

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    private Fleet join(final FleetBacking backing, final int size, final int node)
    {
        if (dir == null)
        {
            dir = ShmDirectory.create();
            name = ShmDirectory.uniqueFleetName();
            resources.add(dir);
        }
        final Fleet fleet = backing.join(dir, name, size, node);
        resources.add(fleet);
        return fleet;
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------ orbit-rs ports

    /** cache.rs {@code cachePutGetRoundtrip}. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void cachePutGetRoundtrip(final FleetBacking backing)
    {
        final OrbitCache cache = OrbitCache.open(join(backing, 1, 0));
        final long id = cache.put("answer", "forty-two");
        assertEquals(Optional.of("forty-two"), cache.getString("answer"));
        final CacheRead read = cache.read("answer");
        assertTrue(read.isHit());
        assertEquals(NetId64.counter(id), read.revision());
        assertEquals(OrbitCache.KIND, NetId64.kind(id));
        assertEquals(0, read.expiresAtMs());
        assertEquals(Optional.empty(), cache.getString("question"));
        read.value().orElseThrow()[0] = 'X';
        cache.get("answer").orElseThrow()[1] = 'X';
        assertEquals(Optional.of("forty-two"), cache.getString("answer"), "values are handed out as copies");
    }

    /** cache.rs {@code newestPutWins}. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void newestPutWins(final FleetBacking backing)
    {
        final OrbitCache cache = OrbitCache.open(join(backing, 1, 0));
        cache.put("k", "first");
        final long second = cache.put("k", "second");
        assertEquals(Optional.of("second"), cache.getString("k"));
        assertEquals(NetId64.counter(second), cache.read("k").revision());
    }

    /** cache.rs {@code deleteShadowsOlderPut}: miss, and the miss's revision is the DELETE's counter. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void deleteShadowsOlderPut(final FleetBacking backing)
    {
        final OrbitCache cache = OrbitCache.open(join(backing, 1, 0));
        cache.put("k", "v");
        final long deleted = cache.delete("k");
        assertEquals(Optional.empty(), cache.get("k"));
        final CacheRead read = cache.read("k");
        assertEquals(CacheRead.Outcome.DELETED, read.outcome());
        assertEquals(NetId64.counter(deleted), read.revision());
        cache.put("k", "again");
        assertEquals(Optional.of("again"), cache.getString("k"));
    }

    /** cache.rs {@code prefixesIsolateKeys}, with the two caches on different nodes. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void prefixesIsolateKeys(final FleetBacking backing)
    {
        final OrbitCache a = OrbitCache.builder(join(backing, 2, 0)).prefix("a:").open();
        final OrbitCache b = OrbitCache.builder(join(backing, 2, 1)).prefix("b:").open();
        a.put("k", "from-a");
        b.put("k", "from-b");
        assertEquals(Optional.of("from-a"), a.getString("k"));
        assertEquals(Optional.of("from-b"), b.getString("k"));
        a.delete("k");
        assertEquals(Optional.empty(), a.getString("k"));
        assertEquals(Optional.of("from-b"), b.getString("k"));
        assertArrayEquals(utf8("a:"), a.prefix());
        a.prefix()[0] = 'z';
        assertArrayEquals(utf8("a:"), a.prefix(), "prefix() must hand out a copy");
    }

    /** cache.rs {@code ttlExpiryIsAMiss}: 1 ms TTL, 3 ms later a miss that still names the PUT (ManualClock, no sleep). */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void ttlExpiryIsAMiss(final FleetBacking backing)
    {
        final ManualClock clock = new ManualClock(TimeUnit.SECONDS.toNanos(100), 1_700_000_000_000L);
        final OrbitCache cache = OrbitCache.builder(join(backing, 1, 0)).clock(clock).open();
        final long id = cache.put("k", "v", Duration.ofMillis(1));
        final CacheRead fresh = cache.read("k");
        assertTrue(fresh.isHit());
        assertEquals(100_001, fresh.expiresAtMs(), "expiry is monotonic ms + ttl");
        clock.advance(3, TimeUnit.MILLISECONDS);
        final CacheRead expired = cache.read("k");
        assertEquals(CacheRead.Outcome.EXPIRED, expired.outcome());
        assertEquals(NetId64.counter(id), expired.revision());
        assertEquals(Optional.empty(), cache.get("k"));
    }

    /** cache.rs {@code oversizedFrameIsRejected}: and nothing is published (the ring head does not move). */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void oversizedFrameIsRejected(final FleetBacking backing)
    {
        final OrbitCache cache = OrbitCache.builder(join(backing, 1, 0)).prefix("p:").open();
        final Ring ring = cache.ring();
        final PayloadTooLargeException error = assertThrows(PayloadTooLargeException.class,
            () -> cache.put(utf8("k"), new byte[OrbitCache.DEFAULT_PAYLOAD_CAPACITY]));
        assertTrue(error.getMessage().contains("KIND 200"), error.getMessage());
        assertTrue(error.getMessage().contains(name), error.getMessage());
        assertTrue(error.getMessage().contains("256"), error.getMessage());
        assertEquals(0, ring.head(0), "nothing may be published");

        // 13 + 2 (prefix) + key + value = 256 exactly fits; one byte more does not.
        assertEquals(241, cache.maxKeyAndValueLength());
        final byte[] fits = new byte[240];
        Arrays.fill(fits, (byte)7);
        cache.put(utf8("k"), fits);
        assertEquals(1, ring.head(0));
        assertArrayEquals(fits, cache.get(utf8("k")).orElseThrow());
        assertThrows(PayloadTooLargeException.class, () -> cache.put(utf8("kk"), fits));
        assertThrows(PayloadTooLargeException.class, () -> cache.delete(new byte[242]));
        assertEquals(1, ring.head(0), "rejected frames publish nothing");
    }

    /** cache/mod.rs {@code resetShadowsPreviousValuesInsidePrefix} (prefix "php:"); other prefixes keep theirs. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void resetShadowsPreviousValuesInsidePrefix(final FleetBacking backing)
    {
        final Fleet fleet = join(backing, 1, 0);
        final OrbitCache php = OrbitCache.builder(fleet).prefix("php:").open();
        final OrbitCache java = OrbitCache.builder(fleet).prefix("java:").open();
        php.put("k", "old");
        java.put("k", "kept");
        final long reset = php.reset();
        assertEquals(Optional.empty(), php.getString("k"));
        final CacheRead read = php.read("k");
        assertEquals(CacheRead.Outcome.RESET, read.outcome());
        assertEquals(NetId64.counter(reset), read.revision());
        assertEquals(CacheRead.Outcome.RESET, php.read("never-written").outcome(), "RESET covers keys never written too");
        assertEquals(Optional.of("kept"), java.getString("k"));
        php.put("k", "new");
        assertEquals(Optional.of("new"), php.getString("k"));
    }

    // ------------------------------------------------------------------------------- API semantics

    /** Weak point 19, kept and documented: RESET is prefix-of-bytes, so "a" also resets "ab", and "" resets all. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void resetIsPrefixOfBytes(final FleetBacking backing)
    {
        final Fleet fleet = join(backing, 1, 0);
        final OrbitCache a = OrbitCache.builder(fleet).prefix("a").open();
        final OrbitCache ab = OrbitCache.builder(fleet).prefix("ab").open();
        final OrbitCache b = OrbitCache.builder(fleet).prefix("b").open();
        final OrbitCache all = OrbitCache.open(fleet);
        ab.put("x", "1");
        b.put("x", "2");
        ab.reset();
        assertEquals(Optional.empty(), ab.getString("x"));
        ab.put("x", "1");
        a.reset();
        assertEquals(CacheRead.Outcome.RESET, ab.read("x").outcome(), "prefix \"a\" resets keys of prefix \"ab\"");
        assertEquals(Optional.of("2"), b.getString("x"));
        assertEquals(Optional.of("2"), all.getString("bx"), "the empty prefix sees every scoped key");
        all.reset();
        assertEquals(CacheRead.Outcome.RESET, b.read("x").outcome(), "the empty prefix resets every cache");
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void ttlForms(final FleetBacking backing)
    {
        final ManualClock clock = new ManualClock(TimeUnit.MILLISECONDS.toNanos(5_000), 0);
        final OrbitCache cache = OrbitCache.builder(join(backing, 1, 0)).clock(clock).open();
        final Ring ring = cache.ring();

        cache.put(utf8("never"), utf8("v"), null);
        assertEquals(0, cache.read("never").expiresAtMs(), "null ttl = never expires");

        cache.put("one-ms", "v", Duration.ofMillis(1));
        assertEquals(5_001, cache.read("one-ms").expiresAtMs());
        assertTrue(cache.read("one-ms").isHit());

        cache.put("sub-ms", "v", Duration.ofNanos(1_500_000));
        assertEquals(5_002, cache.read("sub-ms").expiresAtMs(), "ttl rounds up to whole ms: never expires early");

        cache.put("huge", "v", Duration.ofSeconds(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, cache.read("huge").expiresAtMs(), "expiry saturates instead of wrapping");

        final long head = ring.head(0);
        assertThrows(InvalidArgumentException.class, () -> cache.put("neg", "v", Duration.ofMillis(-1)));
        assertThrows(InvalidArgumentException.class, () -> cache.put("zero", "v", Duration.ZERO), "a zero ttl is refused");
        assertThrows(InvalidArgumentException.class, () -> cache.put("", "v"), "an empty key is refused");
        assertThrows(InvalidArgumentException.class, () -> cache.delete(""));
        assertThrows(InvalidArgumentException.class, () -> cache.put((byte[])null, utf8("v")));
        assertThrows(InvalidArgumentException.class, () -> cache.put(utf8("k"), null));
        assertThrows(InvalidArgumentException.class, () -> cache.get((String)null));
        assertEquals(head, ring.head(0), "rejected puts publish nothing");

        clock.advance(1, TimeUnit.MILLISECONDS);
        assertEquals(CacheRead.Outcome.EXPIRED, cache.read("one-ms").outcome(), "expired at exactly its deadline");
        assertTrue(cache.read("sub-ms").isHit());
        clock.advance(1000L * 24 * 3600 * 365, TimeUnit.MILLISECONDS);
        assertTrue(cache.read("never").isHit());
        assertTrue(cache.read("huge").isHit());
        assertEquals(CacheRead.Outcome.EXPIRED, cache.read("sub-ms").outcome());
    }

    /** Decision: expiry is on the monotonic clock, so wall-clock steps (NTP) neither extend nor cut a TTL. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void expiryIgnoresWallClockSteps(final FleetBacking backing)
    {
        final long[] monotonicNanos = {TimeUnit.SECONDS.toNanos(50)};
        final long[] wallMillis = {1_700_000_000_000L};
        final OrbitClock clock = new OrbitClock()
        {
            @Override
            public long monotonicNanos()
            {
                return monotonicNanos[0];
            }

            @Override
            public long wallMillis()
            {
                return wallMillis[0];
            }
        };
        final OrbitCache cache = OrbitCache.builder(join(backing, 1, 0)).clock(clock).open();
        cache.put("k", "v", Duration.ofSeconds(10));
        wallMillis[0] += TimeUnit.DAYS.toMillis(1);
        assertTrue(cache.read("k").isHit(), "a wall clock jump forward does not expire the entry");
        wallMillis[0] -= TimeUnit.DAYS.toMillis(2);
        monotonicNanos[0] += TimeUnit.SECONDS.toNanos(10);
        assertEquals(CacheRead.Outcome.EXPIRED, cache.read("k").outcome(), "a wall clock jump back does not keep it alive");
    }

    /** Entries whose frame has left the window (head - capacity) are gone, even with nothing newer for the key. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void entriesLeaveWithTheWindow(final FleetBacking backing)
    {
        final OrbitCache cache = OrbitCache.builder(join(backing, 1, 0)).capacity(16).open();
        final long id = cache.put("old", "v");
        for (int i = 0; i < 15; i++)
        {
            cache.put("other" + i, "x");
        }
        assertEquals(NetId64.counter(id), cache.read("old").revision(), "15 newer frames: still inside a 16-slot window");
        cache.put("other15", "x");
        assertEquals(CacheRead.Outcome.ABSENT, cache.read("old").outcome());
        assertTrue(cache.stats().entries() <= 16, "the index never holds more than the window");

        cache.delete("gone");
        for (int i = 0; i < 16; i++)
        {
            cache.put("filler" + i, "x");
        }
        assertEquals(CacheRead.Outcome.ABSENT, cache.read("gone").outcome(), "a DELETE that left the window leaves no tombstone");
        assertEquals(16, cache.stats().entries());
    }

    /** The ring's reset is noticed: the index is cleared and rebuilt from the (new) retained window. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void ringResetClearsAndRebuildsTheIndex(final FleetBacking backing)
    {
        final Fleet fleet = join(backing, 1, 0);
        final OrbitCache reader = OrbitCache.open(fleet);
        final OrbitCache writer = OrbitCache.open(fleet);
        writer.put("k", "before");
        assertEquals(Optional.of("before"), reader.getString("k"));
        reader.ring().reset(false);
        writer.put("k2", "after");
        assertEquals(CacheRead.Outcome.ABSENT, reader.read("k").outcome());
        final CacheRead after = reader.read("k2");
        assertTrue(after.isHit());
        assertEquals(0, after.revision(), "counters restart at 0 after a reset");
        assertEquals(1, reader.stats().ringResets());
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void ringIsSharedKind200AndOneSpecPerFleet(final FleetBacking backing)
    {
        final Fleet fleet = join(backing, 1, 0);
        final OrbitCache cache = OrbitCache.builder(fleet).capacity(1024).open();
        assertEquals(OrbitCache.ringSpec(1024, 256), cache.ring().spec());
        assertEquals(Topology.SHARED, cache.ring().spec().topology());
        assertEquals(200, cache.ring().kind());
        assertSame(cache.ring(), OrbitCache.builder(fleet).capacity(1024).prefix("x").open().ring());
        final KindConflictException conflict =
            assertThrows(KindConflictException.class, () -> OrbitCache.builder(fleet).capacity(2048).open());
        assertTrue(conflict.getMessage().contains("KIND 200"), conflict.getMessage());
        assertThrows(InvalidRingSpecException.class, () -> OrbitCache.builder(fleet).capacity(1000).open());
        final PayloadTooLargeException prefix = assertThrows(PayloadTooLargeException.class,
            () -> OrbitCache.builder(fleet).capacity(1024).prefix(new byte[244]).open());
        assertTrue(prefix.getMessage().contains("KIND 200"), prefix.getMessage());
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void defaultRingIs16384SlotsOf256Bytes(final FleetBacking backing)
    {
        final Ring ring = OrbitCache.builder(join(backing, 1, 0)).prefix("d:").open().ring();
        assertEquals(OrbitCache.ringSpec(16_384, 256), ring.spec());
        assertEquals(OrbitCache.DEFAULT_CAPACITY, ring.capacity());
    }

    /** A handle sees what other handles (other nodes) wrote, and what they wrote before it opened. */
    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void lateOpenerSeesTheRetainedWindow(final FleetBacking backing)
    {
        final OrbitCache writer = OrbitCache.builder(join(backing, 2, 1)).prefix("s:").open();
        writer.put("k", "v");
        writer.put("gone", "v");
        writer.delete("gone");
        final OrbitCache reader = OrbitCache.builder(join(backing, 2, 0)).prefix("s:").open();
        assertEquals(Optional.of("v"), reader.getString("k"));
        assertEquals(CacheRead.Outcome.DELETED, reader.read("gone").outcome());
        assertArrayEquals(utf8("v"), reader.get("k").orElseThrow());
    }
}
