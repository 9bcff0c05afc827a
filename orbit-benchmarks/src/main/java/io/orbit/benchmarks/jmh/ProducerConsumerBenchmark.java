package io.orbit.benchmarks.jmh;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.ExclusivePublisher;
import io.orbit.runtime.ring.FrameHandler;
import io.orbit.runtime.ring.PollStats;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.RingSpec;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.broadcast.BroadcastBufferDescriptor;
import org.agrona.concurrent.broadcast.BroadcastReceiver;
import org.agrona.concurrent.broadcast.BroadcastTransmitter;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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

import java.util.concurrent.TimeUnit;

/**
 * One producer thread and one consumer thread on a lossy transport, flat out: the producer's rate
 * is the throughput ({@code publish}/{@code transmit} ops/µs); the consumer's counters say how many
 * messages it received and how many it lost. Orbit counts every lost frame
 * ({@code lost}); Agrona's broadcast receiver only counts laps ({@code laps}), each one at least a
 * buffer's worth of messages. With 2 cores, the two threads take both.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms256m", "-Xmx256m"})
public class ProducerConsumerBenchmark
{
    private static final int MSG_TYPE = 1;

    /** The transports, shared by the two threads of a group. */
    @State(Scope.Group)
    public static class Transports
    {
        @Param({"64"})
        int payloadLength;

        ShmScratch scratch;
        Fleet fleet;
        Ring ring;
        ExclusivePublisher publisher;
        BroadcastTransmitter transmitter;
        UnsafeBuffer broadcast;
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[256]);

        /** Maps both transports. */
        @Setup(Level.Trial)
        public void setUp()
        {
            scratch = new ShmScratch();
            fleet = Fleet.joinShmAs(scratch.fleetName(), 1, 0, scratch.directory());
            ring = fleet.ring(RingSpec.perNode(2, 4096, 64));
            publisher = ring.exclusivePublisher(); // one producer thread, like Agrona's single transmitter
            broadcast = new UnsafeBuffer(IoUtil.mapNewFile(scratch.directory().resolve("agrona-broadcast").toFile(),
                4096 * 128 + BroadcastBufferDescriptor.TRAILER_LENGTH));
            transmitter = new BroadcastTransmitter(broadcast);
        }

        /** Removes the files. */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            publisher.close();
            fleet.close();
            scratch.delete();
        }
    }

    /** The consumer's counts, reported by JMH as secondary results. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ConsumerCounts
    {
        /** Messages received. */
        public long received;
        /** Messages lost, counted exactly (Orbit only). */
        public long lost;
        /** Laps reported (Agrona broadcast only; each loses at least a buffer's worth). */
        public long laps;
        RingCursor cursor;
        BroadcastReceiver receiver;
        long sink;
        final FrameHandler handler = frame -> sink += frame.payload().getLong(0);

        /**
         * Starts reading at the current head.
         *
         * @param transports the group's transports.
         */
        @Setup(Level.Iteration)
        public void setUp(final Transports transports)
        {
            cursor = transports.ring.cursorAtHead();
            receiver = new BroadcastReceiver(transports.broadcast);
        }
    }

    /**
     * @param transports the group's transports.
     * @return the id.
     */
    @Benchmark
    @Group("orbit")
    @GroupThreads(1)
    public long orbitPublish(final Transports transports)
    {
        return transports.publisher.publish(MSG_TYPE, 0, transports.payload, 0, transports.payloadLength);
    }

    /**
     * @param counts consumer counters.
     * @return frames delivered.
     */
    @Benchmark
    @Group("orbit")
    @GroupThreads(1)
    public long orbitPoll(final ConsumerCounts counts)
    {
        final PollStats stats = counts.cursor.poll(counts.handler);
        counts.received += stats.delivered();
        counts.lost += stats.lost();
        return stats.delivered();
    }

    /**
     * @param transports the group's transports.
     */
    @Benchmark
    @Group("agronaBroadcast")
    @GroupThreads(1)
    public void agronaTransmit(final Transports transports)
    {
        transports.transmitter.transmit(MSG_TYPE, transports.payload, 0, transports.payloadLength);
    }

    /**
     * @param counts consumer counters.
     * @return true when a message was received and still valid after reading it.
     */
    @Benchmark
    @Group("agronaBroadcast")
    @GroupThreads(1)
    public boolean agronaReceive(final ConsumerCounts counts)
    {
        final BroadcastReceiver receiver = counts.receiver;
        final long lapsBefore = receiver.lappedCount();
        if (receiver.receiveNext())
        {
            counts.sink += receiver.buffer().getLong(receiver.offset());
            if (receiver.validate())
            {
                counts.received++;
            }
        }
        counts.laps += receiver.lappedCount() - lapsBefore;
        return true;
    }
}
