package io.orbit.aeron;

import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Two hosts simulated on one machine: one shared-memory directory per host and one bridge per host
 * in its own child JVM ({@code BridgeMain}, as {@code bin/orbit-bridge} runs it), on 127.0.0.1 ports.
 * Fleet size 8: host 0 owns nodes 0..3 (bridge node 0), host 1 owns nodes 4..7 (bridge node 4).
 */
final class TwoHostGrid implements AutoCloseable
{
    static final int SIZE = 8;

    final String fleet = ShmDirectory.uniqueFleetName();
    final ShmDirectory[] dirs = {ShmDirectory.create(), ShmDirectory.create()};
    final String hosts;
    final String kinds;
    final long statsMs;
    final String multicast;
    final ChildJvm[] bridges = new ChildJvm[2];

    TwoHostGrid(final String kinds)
    {
        this(kinds, 0);
    }

    /** @param statsMs how often each bridge prints its counts ({@code orbit-bridge[h] stats kind=...}), 0 for never. */
    TwoHostGrid(final String kinds, final long statsMs)
    {
        this(kinds, statsMs, false);
    }

    /**
     * @param statsMs   how often each bridge prints its counts, 0 for never.
     * @param multicast true: both bridges send to one multicast group on the loopback interface (a random
     *                  odd group of 239.255.0.0/16, administratively scoped, and a free port, so parallel runs do not meet).
     */
    TwoHostGrid(final String kinds, final long statsMs, final boolean multicast)
    {
        this.kinds = kinds;
        this.statsMs = statsMs;
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        this.multicast = multicast ? "239.255." + random.nextInt(256) + "." + (2 * random.nextInt(127) + 1) + ":" + freeUdpPort() : "";
        this.hosts = "127.0.0.1:" + freeUdpPort() + ",127.0.0.1:" + freeUdpPort();
    }

    /** Starts (or restarts) the bridge of a host and waits until it is up. */
    ChildJvm startBridge(final int host)
    {
        final List<String> args = new ArrayList<>(List.of("--fleet", fleet, "--size", String.valueOf(SIZE),
            "--dir", dirs[host].path().toString(), "--host-index", String.valueOf(host), "--hosts", hosts, "--kinds", kinds,
            "--beat-ms", "50", "--link-timeout-ms", "1000", "--term-length", "1048576", "--stats-ms", String.valueOf(statsMs)));
        if (!multicast.isEmpty())
        {
            args.addAll(List.of("--multicast", multicast));
        }
        bridges[host] = ChildJvm.start(dirs[host].path(), BridgeMain.class, args.toArray(String[]::new));
        bridges[host].awaitLine(line -> line.contains("started:"));
        return bridges[host];
    }

    /** Starts both bridges and waits until each has heard the other. */
    void startBoth()
    {
        startBridge(0);
        startBridge(1);
        awaitLinkUp(0);
        awaitLinkUp(1);
    }

    void awaitLinkUp(final int host)
    {
        bridges[host].awaitLine(line -> line.contains("link up: host " + (1 - host)) || line.contains("bridge restarted: host " + (1 - host)));
    }

    private static int freeUdpPort()
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close()
    {
        for (final ChildJvm bridge : bridges)
        {
            if (bridge != null)
            {
                bridge.close();
            }
        }
        for (final ShmDirectory dir : dirs)
        {
            dir.close();
        }
    }
}
