package io.orbit.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.contest.Contest;
import io.orbit.runtime.event.OrbitEventCursor;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.heartbeat.NodeState;
import io.orbit.runtime.ring.Ring;
import io.orbit.runtime.ring.RingCursor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for one fleet, so a Prometheus or JMX user sees publishing and loss without code.
 * Register what the application uses, then bind:
 *
 * <pre>{@code
 * OrbitFleetMetrics.of(fleet)
 *     .ring(loads.ring())
 *     .cursor("audit", cursor)                 // loss by class for a cursor the application polls
 *     .heartbeat(heartbeat, Duration.ofMillis(500))
 *     .contest(contest)
 *     .cache(cache)
 *     .bindTo(registry);
 * }</pre>
 *
 * <table>
 *   <caption>Meters (every one tagged {@code fleet})</caption>
 *   <tr><th>Name</th><th>Type</th><th>Tags</th><th>Value</th></tr>
 *   <tr><td>orbit.ring.frames.published</td><td>function counter</td><td>kind</td><td>sum of the ring's lane heads (all nodes)</td></tr>
 *   <tr><td>orbit.cursor.frames</td><td>function counter</td><td>kind, cursor, class = delivered|overwritten|abandoned|corrupt
 *       (event cursors also undecodable)</td><td>the cursor's totals</td></tr>
 *   <tr><td>orbit.heartbeat.nodes</td><td>gauge</td><td>state = LIVE|STALE|DEAD|MISSING</td><td>nodes in that state</td></tr>
 *   <tr><td>orbit.contest.claims</td><td>function counter</td><td>result = claimed|yielded</td><td>this handle's tryClaim outcomes</td></tr>
 *   <tr><td>orbit.contest.fence.token</td><td>gauge</td><td></td><td>last fence token issued in the fleet</td></tr>
 *   <tr><td>orbit.cache.entries</td><td>gauge</td><td></td><td>keys held by the cache handle's index</td></tr>
 * </table>
 *
 * <p>Values are read at scrape time from the handles' own counters (a cursor's totals are written by
 * the thread that polls it and read here without a lock: a scrape may see a poll half-counted, never
 * a wrong total afterwards). Nothing is added to the publish or poll paths.
 */
public final class OrbitFleetMetrics implements MeterBinder
{
    private final Fleet fleet;
    private final List<Consumer<MeterRegistry>> meters = new ArrayList<>();

    private OrbitFleetMetrics(final Fleet fleet)
    {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
    }

    /**
     * @param fleet the fleet whose handles are registered next.
     * @return a binder with no meters yet.
     */
    public static OrbitFleetMetrics of(final Fleet fleet)
    {
        return new OrbitFleetMetrics(fleet);
    }

    /**
     * @param ring a ring of the fleet.
     * @return this.
     */
    public OrbitFleetMetrics ring(final Ring ring)
    {
        meters.add(registry -> FunctionCounter.builder("orbit.ring.frames.published", ring, OrbitFleetMetrics::published)
            .description("frames published into the ring, all lanes")
            .tags(tags().and("kind", Integer.toString(ring.kind())))
            .register(registry));
        return this;
    }

    /**
     * @param name   the cursor's name (a tag).
     * @param cursor a cursor the application polls.
     * @return this.
     */
    public OrbitFleetMetrics cursor(final String name, final RingCursor cursor)
    {
        final Tags tags = tags().and("kind", Integer.toString(cursor.ring().kind())).and("cursor", name);
        cursorClass(tags, "delivered", cursor, c -> c.totals().delivered());
        cursorClass(tags, "overwritten", cursor, c -> c.totals().overwritten());
        cursorClass(tags, "abandoned", cursor, c -> c.totals().abandoned());
        cursorClass(tags, "corrupt", cursor, c -> c.totals().corrupt());
        return this;
    }

    /**
     * @param name   the cursor's name (a tag).
     * @param cursor an event-bus cursor the application polls.
     * @return this.
     */
    public OrbitFleetMetrics eventCursor(final String name, final OrbitEventCursor cursor)
    {
        final Tags tags = tags().and("kind", "220").and("cursor", name);
        cursorClass(tags, "delivered", cursor, c -> c.totals().delivered());
        cursorClass(tags, "overwritten", cursor, c -> c.totals().overwritten());
        cursorClass(tags, "abandoned", cursor, c -> c.totals().abandoned());
        cursorClass(tags, "corrupt", cursor, c -> c.totals().corrupt());
        cursorClass(tags, "undecodable", cursor, c -> c.totals().undecodable());
        return this;
    }

    /**
     * @param heartbeat the fleet's heartbeat.
     * @param maxAge    age up to which a node is LIVE.
     * @return this.
     */
    public OrbitFleetMetrics heartbeat(final FleetHeartbeat heartbeat, final Duration maxAge)
    {
        for (final NodeState state : NodeState.values())
        {
            meters.add(registry -> Gauge.builder("orbit.heartbeat.nodes", heartbeat,
                    h -> h.snapshot(maxAge).nodesIn(state).size())
                .description("nodes of the fleet in this heartbeat state")
                .tags(tags().and("state", state.name()))
                .register(registry));
        }
        return this;
    }

    /**
     * @param contest the fleet's contest handle.
     * @return this.
     */
    public OrbitFleetMetrics contest(final Contest contest)
    {
        meters.add(registry -> FunctionCounter.builder("orbit.contest.claims", contest, Contest::claims)
            .description("tryClaim calls that won the subject").tags(tags().and("result", "claimed")).register(registry));
        meters.add(registry -> FunctionCounter.builder("orbit.contest.claims", contest, Contest::yields)
            .description("tryClaim calls that yielded to a live holder").tags(tags().and("result", "yielded")).register(registry));
        meters.add(registry -> Gauge.builder("orbit.contest.fence.token", contest, Contest::lastFenceToken)
            .description("last fence token issued in the fleet").tags(tags()).register(registry));
        return this;
    }

    /**
     * @param cache a cache handle of the fleet.
     * @return this.
     */
    public OrbitFleetMetrics cache(final OrbitCache cache)
    {
        meters.add(registry -> Gauge.builder("orbit.cache.entries", cache, c -> c.stats().entries())
            .description("keys held by the cache index inside the ring's window").tags(tags()).register(registry));
        return this;
    }

    @Override
    public void bindTo(final MeterRegistry registry)
    {
        meters.forEach(meter -> meter.accept(registry));
    }

    private Tags tags()
    {
        return Tags.of(Tag.of("fleet", fleet.name()));
    }

    private <T> void cursorClass(final Tags tags, final String lossClass, final T cursor, final ToDoubleFunction<T> value)
    {
        meters.add(registry -> FunctionCounter.builder("orbit.cursor.frames", cursor, value)
            .description("frames a cursor moved past, by class")
            .tags(tags.and("class", lossClass))
            .register(registry));
    }

    private static double published(final Ring ring)
    {
        long total = 0;
        for (int lane = 0; lane < ring.laneCount(); lane++)
        {
            total += ring.head(lane);
        }
        return total;
    }
}
