package io.orbit.aeron;

import io.orbit.runtime.exceptions.InvalidRingSpecException;
import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.ring.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * One KIND a bridge carries: a ring (typed KINDs 1..199, the cache ring 200, the event bus 220)
 * or the heartbeat table (221, which has no ring). Parsed from {@code --kinds} items:
 *
 * <table>
 *   <caption>Item forms</caption>
 *   <tr><th>Item</th><th>Meaning</th></tr>
 *   <tr><td>{@code 12:1024:64}</td><td>typed PER_NODE ring: KIND, capacity, payload capacity (as its codec's RING_SPEC)</td></tr>
 *   <tr><td>{@code 12:1024:64:shared}</td><td>typed SHARED ring</td></tr>
 *   <tr><td>{@code 220} or {@code 220:4096}</td><td>event bus, default or given capacity</td></tr>
 *   <tr><td>{@code 200} or {@code 200:16384:256}</td><td>cache ring (SHARED)</td></tr>
 *   <tr><td>{@code 221}</td><td>heartbeat table</td></tr>
 *   <tr><td>{@code 222}</td><td>refused: {@link ContestNotBridgedException}</td></tr>
 * </table>
 *
 * @param kind the KIND.
 * @param spec the ring's spec; null for the heartbeat table.
 */
public record BridgedKind(int kind, RingSpec spec)
{
    /** The contest table's reserved KIND (the runtime keeps its constant package-private). */
    public static final int CONTEST_KIND = 222;

    /**
     * @param ringSpec the spec of a ring to bridge.
     * @return the bridged ring.
     */
    public static BridgedKind ring(final RingSpec ringSpec)
    {
        return new BridgedKind(ringSpec.kind(), ringSpec);
    }

    /**
     * @return the heartbeat table.
     */
    public static BridgedKind heartbeat()
    {
        return new BridgedKind(FleetHeartbeat.KIND, null);
    }

    /**
     * @return true for the heartbeat table.
     */
    public boolean isHeartbeat()
    {
        return spec == null;
    }

    /**
     * Parses a comma-separated {@code --kinds} value.
     *
     * @param fleet fleet name, for messages.
     * @param text  items as in the class comment.
     * @return the kinds, in order.
     * @throws ContestNotBridgedException for KIND 222.
     * @throws InvalidRingSpecException   for an item that names no valid ring.
     */
    public static List<BridgedKind> parseAll(final String fleet, final String text)
    {
        final List<BridgedKind> kinds = new ArrayList<>();
        for (final String item : text.split(","))
        {
            if (!item.isBlank())
            {
                kinds.add(parse(fleet, item.trim()));
            }
        }
        return kinds;
    }

    /**
     * @param fleet fleet name, for messages.
     * @param item  one item.
     * @return the bridged kind.
     */
    public static BridgedKind parse(final String fleet, final String item)
    {
        final String[] parts = item.split(":");
        try
        {
            final int kind = Integer.parseInt(parts[0]);
            if (kind == CONTEST_KIND)
            {
                throw refuseContest(fleet);
            }
            if (kind == FleetHeartbeat.KIND)
            {
                return heartbeat();
            }
            if (kind == OrbitEventBus.KIND)
            {
                return ring(OrbitEventBus.spec(parts.length > 1 ? Integer.parseInt(parts[1]) : OrbitEventBus.DEFAULT_CAPACITY));
            }
            if (kind == OrbitCache.KIND)
            {
                return ring(OrbitCache.ringSpec(
                    parts.length > 1 ? Integer.parseInt(parts[1]) : OrbitCache.DEFAULT_CAPACITY,
                    parts.length > 2 ? Integer.parseInt(parts[2]) : OrbitCache.DEFAULT_PAYLOAD_CAPACITY));
            }
            if (parts.length < 3)
            {
                throw new InvalidRingSpecException("fleet " + fleet + ": bridged KIND " + kind
                    + " needs KIND:capacity:payloadCapacity[:shared], was " + item);
            }
            final Topology topology = parts.length > 3 && parts[3].equalsIgnoreCase("shared") ? Topology.SHARED : Topology.PER_NODE;
            return ring(new RingSpec(kind, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), topology, 0L));
        }
        catch (final NumberFormatException ex)
        {
            throw new InvalidRingSpecException("fleet " + fleet + ": cannot read bridged KIND item '" + item + "': " + ex.getMessage());
        }
    }

    /**
     * @param fleet fleet name.
     * @return the refusal for the contest table.
     */
    static ContestNotBridgedException refuseContest(final String fleet)
    {
        return new ContestNotBridgedException("fleet " + fleet + ": KIND " + CONTEST_KIND + " (the contest table) cannot be "
            + "bridged across hosts: a lease two hosts could both grant needs consensus, which a copied table cannot give; "
            + "run cross-host contests on Aeron Cluster and keep each host's contests local");
    }
}
