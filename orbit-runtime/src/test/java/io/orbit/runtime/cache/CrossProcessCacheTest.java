package io.orbit.runtime.cache;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.Await;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.orbit.runtime.ring.CrossProcessSupport.awaitParentLine;
import static io.orbit.runtime.ring.CrossProcessSupport.fields;
import static io.orbit.runtime.ring.CrossProcessSupport.say;
import static io.orbit.runtime.ring.CrossProcessSupport.send;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The cache across two real JVMs sharing one shared-memory ring: a child puts and the parent gets,
 * the parent deletes and the child sees the miss; a TTL set in one process expires in the other on
 * the shared monotonic clock (real clock, awaited conditions); both processes write at once and
 * then agree with each other and with the backward walk; a child killed with SIGKILL while writing
 * leaves the parent's cache consistent.
 */
class CrossProcessCacheTest
{
    private static final int CAPACITY = 1024;
    private static final String PREFIX = "x:";

    private static List<String> keys()
    {
        final List<String> keys = new ArrayList<>();
        for (int i = 0; i < 16; i++)
        {
            keys.add("shared" + i);
        }
        return keys;
    }

    private static OrbitCache cache(final Fleet fleet)
    {
        return OrbitCache.builder(fleet).capacity(CAPACITY).prefix(PREFIX).open();
    }

    @Test
    void childPutsParentGetsParentDeletesChildSeesTheMissAndTtlRunsOnTheSharedMonotonicClock()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final OrbitCache cache = cache(fleet);
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, name, "2", "1"))
            {
                child.awaitLine("READY"::equals);

                send(child, "put k hello-from-child");
                final long put = Long.parseLong(fields(child.awaitPrefix("PUT ")).get("revision"));
                final CacheRead read = cache.read("k");
                assertEquals("hello-from-child", new String(read.value().orElseThrow(), StandardCharsets.UTF_8));
                assertEquals(put, read.revision());

                final long deleted = NetId64.counter(cache.delete("k"));
                send(child, "await-miss k");
                final Map<String, String> miss = fields(child.awaitPrefix("MISS "));
                assertEquals("DELETED", miss.get("outcome"));
                assertEquals(Long.toString(deleted), miss.get("revision"));

                send(child, "put-ttl t v 1000");
                final Map<String, String> timed = fields(child.awaitPrefix("PUT "));
                final long expiresAt = Long.parseLong(timed.get("expiresAt"));
                final long revision = Long.parseLong(timed.get("revision"));
                int hits = 0;
                final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (true)
                {
                    final long before = nowMs();
                    final CacheRead ttl = cache.read("t");
                    final long after = nowMs();
                    assertEquals(revision, ttl.revision());
                    assertEquals(expiresAt, ttl.expiresAtMs(), "the child's deadline, read back in the parent");
                    if (ttl.isHit())
                    {
                        assertTrue(before < expiresAt, "a hit is only possible before the deadline on the shared clock");
                        hits++;
                    }
                    else
                    {
                        assertEquals(CacheRead.Outcome.EXPIRED, ttl.outcome());
                        assertTrue(after >= expiresAt, "expired only once the shared monotonic clock passed the deadline");
                        break;
                    }
                    assertTrue(System.nanoTime() < deadline, "the entry never expired in the parent");
                    Thread.onSpinWait();
                }
                assertTrue(hits > 0, "the parent must have seen the entry live before it expired");
                send(child, "await-miss t");
                assertEquals("EXPIRED", fields(child.awaitPrefix("MISS ")).get("outcome"));

                send(child, "exit");
                assertEquals(0, child.awaitExit());
            }
        }
    }

    @Test
    void twoProcessesWritingAtOnceAgreeWithEachOtherAndTheBackwardWalk()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final OrbitCache cache = cache(fleet);
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, name, "2", "1"))
            {
                child.awaitLine("READY"::equals);
                send(child, "burst 4000 7");
                final long parentPublished = burst(cache, 0, 4000, 11);
                final long childPublished = Long.parseLong(fields(child.awaitPrefix("BURST ")).get("published"));
                assertEquals(parentPublished + childPublished, cache.ring().head(0));

                final long now = nowMs();
                for (final String key : keys())
                {
                    assertEquals(BackwardWalk.read(cache.ring(), (PREFIX + key).getBytes(StandardCharsets.UTF_8), now), cache.read(key), key);
                }
                send(child, "digest");
                assertEquals(digest(cache), child.awaitPrefix("DIGEST "), "both processes' indexes answer alike");
                send(child, "exit");
                assertEquals(0, child.awaitExit());
            }
        }
    }

    @Test
    void aWriterKilledMidBurstLeavesTheCacheConsistent()
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (ShmDirectory dir = ShmDirectory.create(); Fleet fleet = Fleet.joinShmAs(name, 2, 0, dir.path()))
        {
            final OrbitCache cache = cache(fleet);
            try (ChildJvm child = ChildJvm.start(dir.path(), Child.class, name, "2", "1"))
            {
                child.awaitLine("READY"::equals);
                send(child, "burst -1 3");
                child.awaitLine("BURSTING"::equals);
                child.kill9();
                assertFalse(fleet.isNodeAlive(1), "the kernel freed the killed child's lease");

                final long now = nowMs();
                for (final String key : keys())
                {
                    assertEquals(BackwardWalk.read(cache.ring(), (PREFIX + key).getBytes(StandardCharsets.UTF_8), now), cache.read(key), key);
                }
                cache.put("after", "kill");
                assertEquals("kill", cache.getString("after").orElseThrow());
                // A slot the child left mid-write is given up once its dead writer is probed (about 1 ms).
                Await.until("the cursor is not stalled by the dead child", () ->
                {
                    final CacheStats stats = cache.stats();
                    return stats.cursorNext() == stats.head();
                });
                assertTrue(cache.stats().abandoned() <= 1, cache.stats().toString());
            }
        }
    }

    private static long nowMs()
    {
        return Math.floorDiv(System.nanoTime(), 1_000_000L);
    }

    /** Random puts and deletes over the shared keys; {@code ops < 0} runs until killed. */
    static long burst(final OrbitCache cache, final int node, final long ops, final long seed)
    {
        final Random random = new Random(seed);
        final List<String> keys = keys();
        long published = 0;
        for (long i = 0; ops < 0 || i < ops; i++)
        {
            final String key = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(5) == 0)
            {
                cache.delete(key);
            }
            else
            {
                cache.put(key, key + "=" + node + "." + i);
            }
            published++;
            if (i % 64 == 0)
            {
                cache.read(keys.get(random.nextInt(keys.size())));
            }
            if (ops < 0 && i == 100)
            {
                say("BURSTING");
            }
        }
        return published;
    }

    static String digest(final OrbitCache cache)
    {
        final StringBuilder digest = new StringBuilder();
        for (final String key : keys())
        {
            final CacheRead read = cache.read(key);
            digest.append(key).append('=').append(read.outcome()).append('/').append(read.revision()).append('/')
                .append(read.value().map(HexFormat.of()::formatHex).orElse("-")).append(' ');
        }
        return digest.toString().trim();
    }

    /**
     * Child JVM: {@code fleet size node}; joins, opens the cache, prints READY, then runs commands
     * read from stdin: {@code put k v}, {@code put-ttl k v ms}, {@code await-miss k},
     * {@code burst ops seed}, {@code digest}, {@code exit}.
     */
    public static final class Child
    {
        public static void main(final String[] args)
        {
            try (Fleet fleet = Fleet.joinShmAs(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2])))
            {
                final OrbitCache cache = cache(fleet);
                say("READY");
                String line;
                while ((line = awaitParentLine()) != null)
                {
                    final String[] words = line.split(" ");
                    switch (words[0])
                    {
                        case "put" -> say("PUT revision=" + NetId64.counter(cache.put(words[1], words[2])));
                        case "put-ttl" ->
                        {
                            final long id = cache.put(words[1], words[2], Duration.ofMillis(Long.parseLong(words[3])));
                            say("PUT revision=" + NetId64.counter(id) + " expiresAt=" + cache.read(words[1]).expiresAtMs());
                        }
                        case "await-miss" -> awaitMiss(cache, words[1]);
                        case "burst" -> say("BURST published=" + burst(cache, fleet.node(), Long.parseLong(words[1]),
                            Long.parseLong(words[2])));
                        case "digest" -> say("DIGEST " + digest(cache));
                        case "exit" ->
                        {
                            return;
                        }
                        default -> throw new IllegalArgumentException("unknown command " + line);
                    }
                }
            }
        }

        private static void awaitMiss(final OrbitCache cache, final String key)
        {
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            CacheRead read = cache.read(key);
            while (read.isHit())
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new AssertionError("key " + key + " still hit after 30 s");
                }
                Thread.onSpinWait();
                read = cache.read(key);
            }
            say("MISS outcome=" + read.outcome() + " revision=" + read.revision());
        }
    }
}
