package io.orbit.benchmarks.jmh;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The generated typed accessor: {@code store}, the allocating {@code load}, and the zero-allocation
 * {@code loadView} plus a generated field reader, on a shared-memory fleet of 4 nodes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms256m", "-Xmx256m"})
public class OrbitalBenchmark
{
    private ShmScratch scratch;
    private Fleet fleet;
    private BenchLoadOrbital orbital;
    private FrameView view;
    private final BenchLoad value = new BenchLoad(3, 5);
    private long seen;

    /** Joins the fleet and stores one value. */
    @Setup(Level.Trial)
    public void setUp()
    {
        scratch = new ShmScratch();
        fleet = Fleet.joinShmAs(scratch.fleetName(), 4, 1, scratch.directory());
        orbital = BenchLoadOrbital.of(fleet);
        view = orbital.newView();
        seen = orbital.store(value);
    }

    /** Removes the files. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        fleet.close();
        scratch.delete();
    }

    /**
     * @return the id.
     */
    @Benchmark
    public long store()
    {
        return orbital.store(value);
    }

    /**
     * @return the newest value (allocates the record and the Optional).
     */
    @Benchmark
    public Object load()
    {
        return orbital.load().orElseThrow();
    }

    /**
     * @return the newest value of node 1, unchanged since the previous call (handed back, not decoded).
     */
    @Benchmark
    public Object loadNodeUnchanged()
    {
        return orbital.load(1).orElseThrow();
    }

    /**
     * @return whether node 1 has a value newer than the one held: nothing is copied while it has not.
     */
    @Benchmark
    public boolean loadIfNewerUnchanged()
    {
        return orbital.loadIfNewer(1, seen, view);
    }

    /**
     * @return a field of the newest value, read without allocating.
     */
    @Benchmark
    public int loadView()
    {
        return orbital.loadView(view) ? BenchLoadCodec.busy(view.payload(), 0) : -1;
    }
}
