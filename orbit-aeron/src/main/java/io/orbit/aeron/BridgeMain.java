package io.orbit.aeron;

import io.orbit.runtime.OrbitProperties;
import io.orbit.runtime.exceptions.OrbitException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code orbit-bridge}: runs one host's bridge until it is stopped (SIGTERM/Ctrl-C close it; a
 * {@code kill -9} is what the peers' link timeout is for).
 *
 * <pre>
 * orbit-bridge --fleet NAME --size N --host-index I --hosts HOST:PORT,HOST:PORT,... --kinds ITEM,ITEM,...
 *              [--dir /dev/shm] [--beat-ms 100] [--link-timeout-ms 1000] [--term-length 4194304] [--mtu 1408]
 *              [--multicast GROUP:PORT] [--stats-ms 5000]
 * </pre>
 */
public final class BridgeMain
{
    private static final String USAGE = "usage: orbit-bridge --fleet NAME --size N --host-index I --hosts HOST:PORT,... "
        + "--kinds ITEM,... [--dir DIR] [--beat-ms MS] [--link-timeout-ms MS] [--term-length BYTES] [--mtu BYTES]\n"
        + "  [--multicast GROUP:PORT] [--stats-ms MS]\n"
        + "  kinds items: 12:1024:64 (typed PER_NODE ring), 12:1024:64:shared, 220[:capacity] (event bus),\n"
        + "               200[:capacity[:payload]] (cache), 221 (heartbeat table); 222 (contest) is refused";

    private BridgeMain()
    {
    }

    /**
     * @param args command line, see the class comment.
     * @throws InterruptedException when interrupted while running.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++)
        {
            if (!args[i].startsWith("--") || i + 1 >= args.length)
            {
                fail("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        for (final String required : List.of("fleet", "size", "host-index", "hosts", "kinds"))
        {
            if (!options.containsKey(required))
            {
                fail("missing --" + required);
            }
        }
        final String fleet = options.get("fleet");
        final int hostIndex = Integer.parseInt(options.get("host-index"));
        final OrbitBridge bridge;
        try
        {
            bridge = OrbitBridge.start(new BridgeConfig(
                fleet,
                Integer.parseInt(options.get("size")),
                options.containsKey("dir") ? Path.of(options.get("dir")) : OrbitProperties.directory(),
                hostIndex,
                Arrays.asList(options.get("hosts").split(",")),
                BridgedKind.parseAll(fleet, options.get("kinds")),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("beat-ms", "100"))),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("link-timeout-ms", "1000"))),
                Integer.parseInt(options.getOrDefault("term-length", String.valueOf(BridgeConfig.DEFAULT_TERM_LENGTH))),
                Integer.parseInt(options.getOrDefault("mtu", String.valueOf(BridgeConfig.DEFAULT_MTU))),
                options.getOrDefault("multicast", ""),
                line -> System.out.println("orbit-bridge[" + hostIndex + "] " + line)));
        }
        catch (final OrbitException ex)
        {
            System.err.println("orbit-bridge: " + ex.getMessage());
            System.exit(2);
            return;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            bridge.close();
            stopped.countDown();
        }, "orbit-bridge-shutdown"));
        final long statsMs = Long.parseLong(options.getOrDefault("stats-ms", "5000"));
        while (!stopped.await(statsMs > 0 ? statsMs : Long.MAX_VALUE / 2, java.util.concurrent.TimeUnit.MILLISECONDS))
        {
            for (final LinkStats stats : bridge.allStats())
            {
                System.out.println("orbit-bridge[" + hostIndex + "] stats " + stats);
            }
        }
    }

    private static void fail(final String message)
    {
        System.err.println("orbit-bridge: " + message + "\n" + USAGE);
        System.exit(2);
    }
}
