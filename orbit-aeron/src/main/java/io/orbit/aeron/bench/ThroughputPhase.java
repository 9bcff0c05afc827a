package io.orbit.aeron.bench;

import io.aeron.Aeron;
import io.aeron.driver.status.SystemCounterDescriptor;
import io.orbit.aeron.LinkCount;
import io.orbit.aeron.LinkStats;
import io.orbit.aeron.OrbitBridge;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One throughput phase of {@link BridgeBench}: host A's node 1 publishes {@code frames} 64-byte frames
 * (payload: publish time), flat out or paced; a reader on host B records publish-to-read latency of
 * what crossed. Reports what crossed per second, whether the loss classes of bridge B add up to the
 * frames published, frames per Aeron message, back pressure, Aeron's NAKs and retransmits, and the
 * CPU time the two bridge duty threads and the two driver threads spent per crossed frame.
 */
final class ThroughputPhase
{
    private static final int NODE = 1;
    private static final int KIND = 12;

    private final Ring ringA;
    private final Ring ringB;
    private final OrbitBridge bridgeA;
    private final OrbitBridge bridgeB;
    private final Path driverA;
    private final Path driverB;
    private final int frames;
    private final Histogram latency = new Histogram(3);
    private final long[] classes = new long[LinkCount.values().length];
    private long delivered;
    private long overwritten;
    private long publishNs;
    private long crossNs;
    private long sent;
    private long messages;
    private long backPressured;
    private long dropped;
    private long naks;
    private long retransmits;
    private final long[] pathCpuNs = new long[4];

    ThroughputPhase(
        final Ring ringA, final Ring ringB, final OrbitBridge bridgeA, final OrbitBridge bridgeB, final Path driverA, final Path driverB,
        final int frames)
    {
        this.ringA = ringA;
        this.ringB = ringB;
        this.bridgeA = bridgeA;
        this.bridgeB = bridgeB;
        this.driverA = driverA;
        this.driverB = driverB;
        this.frames = frames;
    }

    /**
     * @param rate frames per second, 0 for as fast as the publisher can.
     * @throws InterruptedException when interrupted.
     */
    void run(final long rate) throws InterruptedException
    {
        final LinkStats countsA = bridgeA.stats(KIND);
        final LinkStats countsB = bridgeB.stats(KIND);
        for (final LinkCount count : LinkCount.values())
        {
            classes[count.ordinal()] = -countsB.get(NODE, count);
        }
        sent = -countsA.sent();
        messages = -countsA.messages();
        backPressured = -countsA.backPressured();
        dropped = -countsA.dropped();
        naks = -systemCounter(driverB, SystemCounterDescriptor.NAK_MESSAGES_SENT);
        retransmits = -systemCounter(driverA, SystemCounterDescriptor.RETRANSMITS_SENT);
        addPathCpuNs(-1);

        final long startHead = ringB.head(NODE);
        final RingCursor cursor = ringB.cursorAtHead();
        final long[] lastArrival = {0};
        final Thread reader = new Thread(() ->
        {
            final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (ringB.head(NODE) - startHead < frames && System.nanoTime() < deadline)
            {
                if (cursor.poll(frame ->
                {
                    if (frame.lane() == NODE)
                    {
                        final long now = System.nanoTime();
                        latency.recordValue(Math.max(0, now - frame.payload().getLong(0)));
                        delivered++;
                        lastArrival[0] = now;
                    }
                }).movedPast() == 0)
                {
                    Thread.yield(); // a reader spinning on a core the bridges and drivers need would measure the machine, not the path
                }
            }
            cursor.poll(frame -> delivered += frame.lane() == NODE ? 1 : 0);
        }, "reader");
        reader.start();
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[64]);
        final long start = System.nanoTime();
        for (int i = 0; i < frames; i++)
        {
            if (rate > 0)
            {
                final long due = start + i * 1_000_000_000L / rate;
                while (System.nanoTime() - due < 0)
                {
                    Thread.onSpinWait();
                }
            }
            payload.putLong(0, System.nanoTime());
            ringA.publish(0, 0, payload, 0, 64);
        }
        publishNs = System.nanoTime() - start;
        reader.join();
        crossNs = lastArrival[0] - start;
        overwritten = cursor.totals().overwritten();

        for (final LinkCount count : LinkCount.values())
        {
            classes[count.ordinal()] += countsB.get(NODE, count);
        }
        sent += countsA.sent();
        messages += countsA.messages();
        backPressured += countsA.backPressured();
        dropped += countsA.dropped();
        naks += systemCounter(driverB, SystemCounterDescriptor.NAK_MESSAGES_SENT);
        retransmits += systemCounter(driverA, SystemCounterDescriptor.RETRANSMITS_SENT);
        addPathCpuNs(1);
    }

    void report(final StringBuilder out, final String title)
    {
        final long replicated = classes[LinkCount.REPLICATED.ordinal()];
        long accounted = 0;
        for (final long count : classes)
        {
            accounted += count;
        }
        out.append(title).append(String.format(" (%,d frames)%n", frames));
        out.append(String.format("  published %,.0f frames/s; crossed %,.0f frames/s (%,d replicated on host B in %.3f s)%n",
            frames / (publishNs / 1e9), replicated / (crossNs / 1e9), replicated, crossNs / 1e9));
        out.append(String.format("  bridge B counts for node %d: replicated %,d, lost at source %,d, lost in transit %,d, not leased %,d, "
            + "duplicate %,d: sum %,d %s%n", NODE, replicated, classes[LinkCount.LOST_AT_SOURCE.ordinal()],
            classes[LinkCount.LOST_IN_TRANSIT.ordinal()], classes[LinkCount.NOT_LEASED.ordinal()], classes[LinkCount.DUPLICATE.ordinal()],
            accounted, accounted == frames ? "= frames published (exact)" : "!= " + frames + " frames published (ACCOUNTING BROKEN)"));
        out.append(String.format("  bridge A sender: %,d frames in %,d Aeron messages (%.1f frames/message), %,d back-pressured offers, "
            + "%,d dropped; Aeron NAKs %d, retransmits %d%n", sent, messages, messages == 0 ? 0.0 : (double)sent / messages,
            backPressured, dropped, naks, retransmits));
        final double perFrame = Math.max(1, replicated);
        out.append(String.format("  CPU per crossed frame: %,.0f ns = bridge A %,.0f + driver A %,.0f + driver B %,.0f + bridge B %,.0f%n",
            (pathCpuNs[0] + pathCpuNs[1] + pathCpuNs[2] + pathCpuNs[3]) / perFrame, pathCpuNs[0] / perFrame, pathCpuNs[1] / perFrame,
            pathCpuNs[2] / perFrame, pathCpuNs[3] / perFrame));
        out.append(String.format("  host B reader: delivered %,d, lapped (overwritten) %,d%n", delivered, overwritten));
        BridgeBench.line(out, "publish-to-read latency", latency);
    }

    /** Adds (sign 1) or subtracts (sign -1) the CPU time of bridge A's and B's duty threads and of their drivers' (SHARED) threads. */
    private void addPathCpuNs(final int sign)
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            final String name = thread.getName();
            final boolean driver = name.contains("[sender,receiver,driver-conductor]");
            if (name.startsWith("orbit-bridge-") || driver)
            {
                final int host = name.contains(driverB.toString()) || name.endsWith("-host1") ? 1 : 0;
                pathCpuNs[driver ? 1 + host : 3 * host] += sign * Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
    }

    private static long systemCounter(final Path driver, final SystemCounterDescriptor descriptor)
    {
        try (Aeron client = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.toString())))
        {
            final CountersReader counters = client.countersReader();
            final long[] value = {0};
            counters.forEach((counterId, typeId, keyBuffer, label) ->
            {
                if (typeId == SystemCounterDescriptor.SYSTEM_COUNTER_TYPE_ID && keyBuffer.getInt(0) == descriptor.id())
                {
                    value[0] = counters.getCounterValue(counterId);
                }
            });
            return value[0];
        }
    }
}
