package io.orbit.runtime.cache;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.Await;
import io.orbit.runtime.ring.SystemProperty;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A SHARED slot claimed but not committed stops the index's cursor. Lookups must still answer
 * exactly as the backward walk does: frames committed behind the pending one are visible at once,
 * and the pending frame, when it finally commits (even after the ring declared it abandoned), is
 * applied by counter: newer mutations of its key and newer covering RESETs still win.
 * The pending writer is played on the real mapped segment by {@link RawSharedWriter}.
 */
class OrbitCachePendingSlotTest
{
    private static final int CAPACITY = 64;
    private static final List<String> KEYS = List.of("k1", "k2", "k3", "r:late", "r:other", "a", "b", "c");

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] put(final String scopedKey, final String value)
    {
        return BackwardWalk.encode(1, utf8(scopedKey), utf8(value), 0);
    }

    private static void assertMatchesWalk(final OrbitCache cache, final String what)
    {
        final long now = Math.floorDiv(cache.clock().monotonicNanos(), 1_000_000L);
        for (final String key : KEYS)
        {
            final CacheRead expected = BackwardWalk.read(cache.ring(), utf8(key), now);
            assertEquals(expected, cache.read(key), what + ": key " + key + "; " + cache.stats());
        }
    }

    @Test
    void framesBehindAPendingSlotAreVisibleAndTheLateFrameIsAppliedByCounter()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create();
            Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path());
            Fleet paused = Fleet.joinShmAs(name, 2, 1, dir.path()))
        {
            assertTrue(paused.isNodeAlive(1));
            final OrbitCache cache = OrbitCache.builder(fleet).capacity(CAPACITY).open();
            final OrbitCache scoped = OrbitCache.builder(fleet).capacity(CAPACITY).prefix("r:").open();
            final RawSharedWriter writer = RawSharedWriter.map(dir.path(), name, cache.ring().spec());

            cache.put("k1", "v1");                       // 0
            final long p1 = writer.claim(1);              // 1: will be a PUT of k1, older than v2
            cache.put("k1", "v2");                       // 2
            cache.put("k2", "x");                        // 3
            final long p4 = writer.claim(1);              // 4: will be a PUT of r:late, older than the RESET below
            scoped.reset();                              // 5
            final long p6 = writer.claim(1);              // 6: will be a PUT of k3
            assertEquals(List.of(1L, 4L, 6L), List.of(p1, p4, p6));

            final CacheRead k1 = cache.read("k1");
            assertEquals("v2", new String(k1.value().orElseThrow(), StandardCharsets.UTF_8), "a put behind a pending slot is visible");
            assertEquals(2, k1.revision());
            assertEquals(CacheRead.Outcome.RESET, scoped.read("other").outcome());
            assertEquals(1, cache.stats().cursorNext(), "the cursor waits at the pending counter");
            assertEquals(3, cache.stats().unresolved());
            assertMatchesWalk(cache, "three counters pending");

            writer.commit(p6, 1, put("k3", "late"));
            assertEquals(6, cache.read("k3").revision(), "committed while older counters are pending: visible at once");
            assertMatchesWalk(cache, "6 committed");

            writer.commit(p4, 1, put("r:late", "shadowed"));
            final CacheRead late = scoped.read("late");
            assertEquals(CacheRead.Outcome.RESET, late.outcome(), "a late PUT older than a covering RESET stays reset");
            assertEquals(5, late.revision());
            assertMatchesWalk(cache, "4 committed");

            writer.commit(p1, 1, put("k1", "older"));
            assertEquals(2, cache.read("k1").revision(), "a late older PUT does not beat the newer one");
            assertEquals("v2", cache.getString("k1").orElseThrow());
            assertMatchesWalk(cache, "all committed");
            assertEquals(cache.ring().head(0), cache.stats().cursorNext());
            assertEquals(0, cache.stats().unresolved());
            assertEquals(0, cache.stats().abandoned());
        }
    }

    @Test
    void aFrameCommittedAfterItsCounterWasAbandonedIsStillApplied()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (SystemProperty bound = SystemProperty.set(OrbitProperties.PENDING_BOUND_PROPERTY, "100");
            ShmDirectory dir = ShmDirectory.create();
            Fleet fleet = Fleet.joinShmAs(name, 3, 0, dir.path());
            Fleet paused = Fleet.joinShmAs(name, 3, 1, dir.path()))
        {
            final OrbitCache cache = OrbitCache.builder(fleet).capacity(CAPACITY).open();
            final RawSharedWriter writer = RawSharedWriter.map(dir.path(), name, cache.ring().spec());
            cache.put("a", "1");
            final long stalled = writer.claim(1);      // live node: pending until the 100 ms bound
            final long stale = writer.claim(1);        // live node too; will carry a PUT of b older than the one below
            final long dead = writer.claim(2);         // node 2 holds no lease: abandoned at once
            cache.put("b", "2");
            assertMatchesWalk(cache, "three pending");

            Await.until("the cursor gives the stalled counters up", () -> cache.stats().abandoned() == 3);
            final CacheStats stats = cache.stats();
            assertEquals(cache.ring().head(0), stats.cursorNext(), "the cursor moved past all three");
            assertEquals(3, stats.unresolved(), "all stay unresolved while inside the window");
            assertMatchesWalk(cache, "all abandoned");

            writer.commit(stalled, 1, put("c", "late"));
            assertEquals(stalled, cache.read("c").revision(), "a frame committed after abandonment is applied");
            assertMatchesWalk(cache, "stalled writer finished");

            writer.commit(stale, 1, put("b", "stale"));
            assertEquals("2", cache.getString("b").orElseThrow(), "a late PUT older than the key's newest does not win");
            assertMatchesWalk(cache, "stale writer finished");
            assertEquals(1, cache.stats().unresolved());

            for (int i = 0; i < CAPACITY; i++)
            {
                cache.put("filler", Integer.toString(i));
            }
            assertMatchesWalk(cache, "window passed");
            assertEquals(0, cache.stats().unresolved(), "counters that left the window are forgotten");
            assertTrue(dead < cache.ring().head(0) - CAPACITY);
            assertEquals(3, cache.stats().abandoned());
            assertFalse(paused.isNodeAlive(2));
        }
    }
}
