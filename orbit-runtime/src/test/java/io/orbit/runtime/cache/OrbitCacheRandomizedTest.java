package io.orbit.runtime.cache;

import io.orbit.runtime.ManualClock;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Seeded random sequences of put / put-with-TTL / delete / reset / clock advance / foreign and
 * garbage frames / ring reset, over caches with nested prefixes ("", "a", "ab", "b:") on a 16-slot
 * ring so the window wraps constantly. After every step every cache must answer, for every key of
 * a small universe, exactly what {@link BackwardWalk} (the orbit-rs walk, written independently)
 * answers: outcome, value, revision and expiry. One more cache reads only every 37 steps, so its
 * cursor falls more than a window behind and must cope with overwritten loss.
 */
class OrbitCacheRandomizedTest
{
    private static final int CAPACITY = 16;
    private static final int STEPS = 700;
    private static final List<String> PREFIXES = List.of("", "a", "ab", "b:");
    private static final List<String> KEYS = List.of("x", "y", "bx", "b:x", ":", "abx", "x2");

    static Stream<Arguments> seeds()
    {
        return Stream.of(FleetBacking.values())
            .flatMap(backing -> LongStream.range(0, 6).mapToObj(seed -> Arguments.of(backing, 0x5EED_0000L + seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void indexMatchesTheBackwardWalkAfterEveryStep(final FleetBacking backing, final long seed)
    {
        final Random random = new Random(seed);
        final ManualClock clock = new ManualClock(TimeUnit.SECONDS.toNanos(1_000), 0);
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 2, 0))
        {
            final OrbitCache[] caches = new OrbitCache[PREFIXES.size()];
            for (int i = 0; i < caches.length; i++)
            {
                caches[i] = OrbitCache.builder(fleet).prefix(PREFIXES.get(i)).capacity(CAPACITY).clock(clock).open();
            }
            final OrbitCache lagging = OrbitCache.builder(fleet).prefix("a").capacity(CAPACITY).clock(clock).open();
            final Ring ring = caches[0].ring();
            long garbage = 0;
            int ringResets = 0;
            for (int step = 0; step < STEPS; step++)
            {
                final OrbitCache cache = caches[random.nextInt(caches.length)];
                final String key = KEYS.get(random.nextInt(KEYS.size()));
                final int dice = random.nextInt(100);
                final String action;
                if (dice < 30)
                {
                    action = "put " + key;
                    cache.put(utf8(key), randomValue(random));
                }
                else if (dice < 45)
                {
                    final Duration ttl = Duration.ofMillis(1 + random.nextInt(6));
                    action = "put " + key + " ttl " + ttl;
                    cache.put(utf8(key), randomValue(random), ttl);
                }
                else if (dice < 57)
                {
                    action = "delete " + key;
                    cache.delete(key);
                }
                else if (dice < 62)
                {
                    action = "reset";
                    cache.reset();
                }
                else if (dice < 74)
                {
                    final int ms = random.nextInt(4);
                    action = "advance " + ms + " ms";
                    clock.advance(ms, TimeUnit.MILLISECONDS);
                }
                else if (dice < 80)
                {
                    action = "garbage frame";
                    garbage += publishGarbage(ring, random) ? 1 : 0;
                }
                else if (dice < 86)
                {
                    // A frame from a writer outside any of these caches, with a raw scoped key.
                    final int op = 1 + random.nextInt(3);
                    final byte[] scoped = utf8(PREFIXES.get(random.nextInt(PREFIXES.size())) + KEYS.get(random.nextInt(KEYS.size())));
                    final long expires = op == 1 && random.nextBoolean() ? 1_000_000 + random.nextInt(8) : 0;
                    action = "foreign op " + op;
                    ring.publish(op, 0, BackwardWalk.encode(op, scoped, op == 1 ? randomValue(random) : new byte[0], expires));
                }
                else if (dice == 86 && random.nextInt(4) == 0)
                {
                    action = "ring reset";
                    ring.reset(false);
                    ringResets++;
                }
                else
                {
                    action = "read only";
                }
                final long now = TimeUnit.NANOSECONDS.toMillis(clock.monotonicNanos());
                for (int i = 0; i < caches.length; i++)
                {
                    check(caches[i], PREFIXES.get(i), ring, now, seed, step, action);
                }
                if (step % 37 == 36)
                {
                    check(lagging, "a", ring, now, seed, step, action);
                }
            }
            final CacheStats lag = lagging.stats();
            assertTrue(lag.overwritten() > 0, "the lagging cache must have fallen more than a window behind: " + lag);
            for (final OrbitCache cache : caches)
            {
                final CacheStats stats = cache.stats();
                // Every cache read after every step, so each saw each garbage frame exactly once.
                assertEquals(garbage, stats.undecodable(), "garbage frames are counted undecodable, once each");
                assertTrue(stats.entries() + stats.resets() <= CAPACITY, "the index holds at most one window: " + stats);
                assertEquals(0, stats.unresolved(), stats.toString());
                assertEquals(ringResets, stats.ringResets());
            }
        }
    }

    private static void check(
        final OrbitCache cache, final String prefix, final Ring ring, final long now, final long seed, final int step,
        final String action)
    {
        for (final String key : KEYS)
        {
            final CacheRead expected = BackwardWalk.read(ring, utf8(prefix + key), now);
            final CacheRead actual = cache.read(key);
            if (!expected.equals(actual))
            {
                fail("seed " + seed + " step " + step + " (" + action + "): prefix \"" + prefix + "\" key \"" + key + "\": expected "
                    + expected + " but the index said " + actual + "; " + cache.stats());
            }
        }
    }

    /** Publishes random bytes under a random frame kind; returns whether the independent decoder rejects them. */
    private static boolean publishGarbage(final Ring ring, final Random random)
    {
        final byte[] payload;
        if (random.nextBoolean())
        {
            payload = new byte[random.nextInt(40)];
            random.nextBytes(payload);
        }
        else
        {
            // A well-formed frame cut short or grown by a byte: the lengths no longer add up.
            final byte[] valid = BackwardWalk.encode(1, utf8("ab" + KEYS.get(random.nextInt(KEYS.size()))), randomValue(random), 0);
            payload = java.util.Arrays.copyOf(valid, random.nextBoolean() ? valid.length - 1 - random.nextInt(valid.length - 1)
                : valid.length + 1);
        }
        final int kind = random.nextInt(5);
        ring.publish(kind, 0, payload);
        return BackwardWalk.decode(payload, kind) == null;
    }

    private static byte[] randomValue(final Random random)
    {
        final byte[] value = new byte[random.nextInt(12)];
        random.nextBytes(value);
        return value;
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
