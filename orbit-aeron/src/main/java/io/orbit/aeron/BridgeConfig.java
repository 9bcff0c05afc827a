package io.orbit.aeron;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one host's bridge needs to know.
 *
 * @param fleet        fleet name, the same on every host.
 * @param size         fleet size, the same on every host.
 * @param directory    the local fleet's shared-memory directory; the embedded media driver's
 *                     directory is {@code aeron-{fleet}-host{index}} inside it.
 * @param hostIndex    this host's index in {@code hosts}.
 * @param hosts        every host's bridge endpoint, {@code host:port}, in host-index order, the same list on every host.
 * @param kinds        what crosses (the contest table never does).
 * @param beatInterval how often the bridge sends its node states and heartbeats (and beats its own node).
 * @param linkTimeout  silence after which a peer's nodes read DEAD here.
 * @param termLength   Aeron term buffer length of every publication (power of two, 64 KiB..1 GiB).
 * @param mtu          largest UDP payload a bridge sends (Aeron's MTU: a multiple of 32, 1408..65504); a message
 *                     batches as many ring frames as fit one MTU. The default 1408 fits a 1500-byte Ethernet MTU;
 *                     8960 suits jumbo frames (9000), larger values loopback or a network that fragments IP.
 * @param multicast    {@code GROUP:PORT} to send every message once to a UDP multicast group that every bridge
 *                     receives (on the interface of its own {@code hosts} address), or empty for unicast to each peer.
 * @param log          receives one line per link event.
 */
public record BridgeConfig(
    String fleet,
    int size,
    Path directory,
    int hostIndex,
    List<String> hosts,
    List<BridgedKind> kinds,
    Duration beatInterval,
    Duration linkTimeout,
    int termLength,
    int mtu,
    String multicast,
    Consumer<String> log)
{
    /** Default {@link #beatInterval}. */
    public static final Duration DEFAULT_BEAT_INTERVAL = Duration.ofMillis(100);
    /** Default {@link #linkTimeout}. */
    public static final Duration DEFAULT_LINK_TIMEOUT = Duration.ofMillis(1000);
    /** Default {@link #termLength}: 4 MiB. */
    public static final int DEFAULT_TERM_LENGTH = 4 << 20;
    /** Default {@link #mtu}: Aeron's own default, one 1500-byte Ethernet frame. */
    public static final int DEFAULT_MTU = 1408;

    /**
     * A unicast configuration with the default beat, link timeout, term length and MTU, logging to stdout.
     *
     * @param fleet     fleet name.
     * @param size      fleet size.
     * @param directory shared-memory directory.
     * @param hostIndex this host.
     * @param hosts     every bridge endpoint.
     * @param kinds     what crosses.
     * @return the configuration.
     */
    public static BridgeConfig of(
        final String fleet, final int size, final Path directory, final int hostIndex, final List<String> hosts, final List<BridgedKind> kinds)
    {
        return new BridgeConfig(fleet, size, directory, hostIndex, List.copyOf(hosts), List.copyOf(kinds), DEFAULT_BEAT_INTERVAL,
            DEFAULT_LINK_TIMEOUT, DEFAULT_TERM_LENGTH, DEFAULT_MTU, "",
            line -> System.out.println("orbit-bridge[" + hostIndex + "] " + line));
    }
}
