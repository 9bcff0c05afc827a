package io.orbit.runtime.event;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.FleetBacking;
import io.orbit.runtime.testing.ShmDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The hot forms allocate nothing: the buffer publish and the handler poll, measured with the JVM's
 * per-thread allocation counter over many iterations (a per-iteration allocation of even one small
 * object would add up to hundreds of kilobytes).
 */
class EventBusAllocationTest
{
    private static final int ITERATIONS = 20_000;

    private final ShmDirectory dir = ShmDirectory.create();
    private long sink;

    @AfterEach
    void cleanUp()
    {
        dir.close();
    }

    @ParameterizedTest
    @EnumSource(FleetBacking.class)
    void bufferPublishAndHandlerPollAllocateNothing(final FleetBacking backing)
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        try (Fleet fleet = backing.join(dir, ShmDirectory.uniqueFleetName(), 1, 0))
        {
            final OrbitEventBus bus = OrbitEventBus.builder(fleet).capacity(64).clock(io.orbit.runtime.OrbitClock.system()).open();
            final OrbitEventCursor cursor = bus.cursorFromStart();
            final UnsafeBuffer topic = new UnsafeBuffer("ticks".getBytes(StandardCharsets.UTF_8));
            final byte[] topicBytes = "ticks".getBytes(StandardCharsets.UTF_8);
            final UnsafeBuffer payload = new UnsafeBuffer(new byte[32]);
            final EventHandler handler = event -> sink += event.payloadLength() + event.buffer().getByte(event.payloadOffset());

            run(bus, cursor, topic, topicBytes, payload, handler, ITERATIONS); // warm up: class loading, thread-locals, JIT
            threads.getCurrentThreadAllocatedBytes(); // its first call may initialise (and allocate) lazily
            final long before = threads.getCurrentThreadAllocatedBytes();
            run(bus, cursor, topic, topicBytes, payload, handler, ITERATIONS);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 4096, "publish + handler poll allocated " + allocated + " bytes over " + ITERATIONS + " iterations");
            assertEquals(4L * ITERATIONS, cursor.totals().delivered() + cursor.totals().filtered());
            assertEquals(0, cursor.totals().lost());
        }
    }

    private static void run(
        final OrbitEventBus bus,
        final OrbitEventCursor cursor,
        final UnsafeBuffer topic,
        final byte[] topicBytes,
        final UnsafeBuffer payload,
        final EventHandler handler,
        final int iterations)
    {
        for (int i = 0; i < iterations; i++)
        {
            payload.putInt(0, i);
            bus.publish(topic, 0, topic.capacity(), payload, 0, 4 + (i & 15));
            bus.poll(cursor, handler);
            bus.publish(topic, 0, topic.capacity(), payload, 0, 8);
            bus.pollTopic(cursor, topicBytes, handler);
        }
    }
}
