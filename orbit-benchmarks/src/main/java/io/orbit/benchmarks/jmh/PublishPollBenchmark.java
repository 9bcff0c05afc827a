package io.orbit.benchmarks.jmh;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FrameHandler;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import io.orbit.runtime.ring.RingSpec;
import org.agrona.IoUtil;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.broadcast.BroadcastBufferDescriptor;
import org.agrona.concurrent.broadcast.BroadcastReceiver;
import org.agrona.concurrent.broadcast.BroadcastTransmitter;
import org.agrona.concurrent.broadcast.CopyBroadcastReceiver;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
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

import java.util.concurrent.TimeUnit;

/**
 * One thread publishes one frame and polls it back, per operation: the pure path cost of each
 * transport without cross-core traffic. Every buffer is a mapped file in /dev/shm. Orbit's poll
 * and Agrona's {@code CopyBroadcastReceiver} both copy the payload before handing it over; the
 * one-to-one ring hands it over in place.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms256m", "-Xmx256m"})
public class PublishPollBenchmark
{
    private static final int MSG_TYPE = 1;
    private static final int AGRONA_CAPACITY = 256 * 1024;

    @Param({"16", "64", "256"})
    int payloadLength;

    private ShmScratch scratch;
    private Fleet fleet;
    private Ring ring;
    private RingCursor cursor;
    private final UnsafeBuffer payload = new UnsafeBuffer(new byte[256]);
    private long sink;
    private final FrameHandler orbitHandler = frame -> sink += frame.payload().getLong(0);
    private final MessageHandler agronaHandler = (type, buffer, index, length) -> sink += buffer.getLong(index);
    private BroadcastTransmitter transmitter;
    private CopyBroadcastReceiver receiver;
    private OneToOneRingBuffer oneToOne;

    /** Maps the three transports. */
    @Setup(Level.Trial)
    public void setUp()
    {
        scratch = new ShmScratch();
        fleet = Fleet.joinShmAs(scratch.fleetName(), 1, 0, scratch.directory());
        ring = fleet.ring(RingSpec.perNode(1, 1024, 256));
        cursor = ring.cursorAtHead();
        payload.setMemory(0, 256, (byte)7);

        final UnsafeBuffer broadcast = new UnsafeBuffer(IoUtil.mapNewFile(
            scratch.directory().resolve("agrona-broadcast").toFile(), AGRONA_CAPACITY + BroadcastBufferDescriptor.TRAILER_LENGTH));
        transmitter = new BroadcastTransmitter(broadcast);
        receiver = new CopyBroadcastReceiver(new BroadcastReceiver(broadcast));
        oneToOne = new OneToOneRingBuffer(new UnsafeBuffer(IoUtil.mapNewFile(
            scratch.directory().resolve("agrona-o2o").toFile(), AGRONA_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /** Removes the files. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        fleet.close();
        scratch.delete();
    }

    /**
     * @return frames delivered (1).
     */
    @Benchmark
    public long orbitPublishPoll()
    {
        ring.publish(MSG_TYPE, 0, payload, 0, payloadLength);
        return cursor.poll(orbitHandler).delivered() + sink;
    }

    /**
     * @return messages received (1).
     */
    @Benchmark
    public long agronaBroadcastTransmitReceive()
    {
        transmitter.transmit(MSG_TYPE, payload, 0, payloadLength);
        return receiver.receive(agronaHandler) + sink;
    }

    /**
     * @return messages read (1).
     */
    @Benchmark
    public long agronaOneToOneWriteRead()
    {
        oneToOne.write(MSG_TYPE, payload, 0, payloadLength);
        return oneToOne.read(agronaHandler) + sink;
    }
}
