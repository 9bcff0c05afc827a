package io.orbit.runtime.cache;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Several caches on different nodes of one fleet, in one process, writing and reading at once on
 * a ring small enough to wrap. While they run, every hit must be a value some writer really put
 * for that key (values carry their key); once they stop, every cache must agree with the backward
 * walk on every key. One more thread reads through one of the writers' handles at the same time.
 */
class OrbitCacheConcurrentTest
{
    private static final int NODES = 4;
    private static final int OPS = 3_000;
    private static final int CAPACITY = 1024;

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void writersOnSeveralNodesConvergeOnTheBackwardWalk(final FleetBacking backing) throws Exception
    {
        final String name = ShmDirectory.uniqueFleetName();
        final List<String> keys = new ArrayList<>();
        for (int i = 0; i < 24; i++)
        {
            keys.add("shared" + i);
        }
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final List<Fleet> fleets = new ArrayList<>();
            final List<OrbitCache> caches = new ArrayList<>();
            try
            {
                for (int node = 0; node < NODES; node++)
                {
                    final Fleet fleet = backing.join(dir, name, NODES, node);
                    fleets.add(fleet);
                    caches.add(OrbitCache.builder(fleet).capacity(CAPACITY).prefix("c:").open());
                }
                final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
                final CountDownLatch start = new CountDownLatch(1);
                final AtomicLong published = new AtomicLong();
                final List<Thread> threads = new ArrayList<>();
                for (int node = 0; node < NODES; node++)
                {
                    final OrbitCache cache = caches.get(node);
                    final int writer = node;
                    threads.add(new Thread(() -> run(failures, start, () -> published.addAndGet(write(cache, writer, keys))), "writer-" + node));
                }
                threads.add(new Thread(() -> run(failures, start, () -> readOnly(caches.get(0), keys)), "reader"));
                threads.forEach(Thread::start);
                start.countDown();
                for (final Thread thread : threads)
                {
                    thread.join(TimeUnit.SECONDS.toMillis(60));
                    assertFalse(thread.isAlive(), thread.getName() + " did not finish");
                }
                assertTrue(failures.isEmpty(), () -> "failures: " + failures);

                final long now = Math.floorDiv(System.nanoTime(), 1_000_000L);
                for (final OrbitCache cache : caches)
                {
                    for (final String key : keys)
                    {
                        final CacheRead expected = BackwardWalk.read(cache.ring(), ("c:" + key).getBytes(StandardCharsets.UTF_8), now);
                        assertEquals(expected, cache.read(key), "node cache " + cache + " key " + key);
                    }
                    final CacheStats stats = cache.stats();
                    assertEquals(0, stats.unresolved(), stats.toString());
                    assertEquals(0, stats.abandoned() + stats.corrupt(), stats.toString());
                    assertTrue(stats.entries() <= CAPACITY);
                }
                assertEquals(published.get(), caches.get(0).ring().head(0), "every mutation was published");
            }
            finally
            {
                fleets.forEach(Fleet::close);
            }
        }
    }

    private static void run(final ConcurrentLinkedQueue<Throwable> failures, final CountDownLatch start, final Runnable body)
    {
        try
        {
            start.await();
            body.run();
        }
        catch (final Throwable t)
        {
            failures.add(t);
        }
    }

    private static long write(final OrbitCache cache, final int node, final List<String> keys)
    {
        final Random random = new Random(node);
        long published = 0;
        for (int i = 0; i < OPS; i++)
        {
            final String key = keys.get(random.nextInt(keys.size()));
            final int dice = random.nextInt(10);
            if (dice < 7)
            {
                cache.put(key, key + "=" + node + "." + i);
                published++;
            }
            else if (dice < 9)
            {
                cache.delete(key);
                published++;
            }
            else
            {
                checkHit(cache, keys.get(random.nextInt(keys.size())));
            }
        }
        return published;
    }

    private static void readOnly(final OrbitCache cache, final List<String> keys)
    {
        for (int i = 0; i < OPS; i++)
        {
            checkHit(cache, keys.get(i % keys.size()));
        }
    }

    /** A hit must carry a value a writer put for exactly this key. */
    private static void checkHit(final OrbitCache cache, final String key)
    {
        final Optional<String> value = cache.getString(key);
        if (value.isPresent() && !value.get().startsWith(key + "="))
        {
            throw new AssertionError("key " + key + " read a value written for another key: " + value.get());
        }
    }
}
