package io.orbit.benchmarks.jmh;

import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.contest.Contest;
import io.orbit.runtime.contest.ContestResult;
import io.orbit.runtime.fleet.Fleet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Substrate reads and claims on a shared-memory fleet: {@code OrbitCache.get} after catch-up with
 * a full ring of 1 024 and of 65 536 slots (orbit-rs walked the whole window per get), and an
 * uncontended {@code Contest.tryClaim} followed by its release.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms512m", "-Xmx512m"})
public class SubstrateBenchmark
{
    private static final Duration TTL = Duration.ofSeconds(30);

    @Param({"1024", "65536"})
    int cacheCapacity;

    private ShmScratch scratch;
    private Fleet fleet;
    private OrbitCache cache;
    private Contest contest;
    private final byte[] key = "key-17".getBytes(StandardCharsets.UTF_8);

    /** Fills the cache ring to its capacity (distinct keys, then key-17 once more) and opens the contest. */
    @Setup(Level.Trial)
    public void setUp()
    {
        scratch = new ShmScratch();
        fleet = Fleet.joinShmAs(scratch.fleetName(), 2, 0, scratch.directory());
        cache = OrbitCache.builder(fleet).capacity(cacheCapacity).open();
        final byte[] value = new byte[32];
        for (int i = 0; i < cacheCapacity; i++)
        {
            cache.put(("key-" + i).getBytes(StandardCharsets.UTF_8), value);
        }
        cache.put(key, "newest".getBytes(StandardCharsets.UTF_8));
        cache.get(key); // catch up once; the measured gets find nothing new
        contest = Contest.open(fleet);
    }

    /** Removes the files. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        fleet.close();
        scratch.delete();
    }

    /**
     * @return the cached value (a copy).
     */
    @Benchmark
    public byte[] cacheGet()
    {
        return cache.get(key).orElseThrow();
    }

    /**
     * @return the fence token of the claim just released.
     */
    @Benchmark
    public long contestClaimRelease()
    {
        final ContestResult result = contest.tryClaim(1, "subject", "bench", TTL);
        if (result instanceof ContestResult.Claimed claimed)
        {
            claimed.guard().release();
            return claimed.guard().fenceToken();
        }
        throw new IllegalStateException("uncontended claim yielded to " + result.holder());
    }
}
