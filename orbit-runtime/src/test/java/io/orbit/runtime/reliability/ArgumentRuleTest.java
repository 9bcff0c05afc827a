package io.orbit.runtime.reliability;

import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.codec.OrbitCodec;
import io.orbit.runtime.codec.RecordLayout;
import io.orbit.runtime.codec.Orbital;
import io.orbit.runtime.contest.Contest;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.exceptions.InvalidFleetSizeException;
import io.orbit.runtime.exceptions.NodeOutsideFleetException;
import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one argument rule (docs/errors.md): misuse of any public entry point, in the ring, Orbital
 * and all four substrates, throws an {@link InvalidArgumentException} (or its subclass for the
 * case) whose message names the fleet, the KIND and the limit, and writes nothing.
 */
class ArgumentRuleTest
{
    private static final Duration TTL = Duration.ofSeconds(5);
    private static final String LONG_LABEL = "x".repeat(200);
    private static final RingSpec RING = RingSpec.perNode(5, 16, 32);
    private static final OrbitCodec<Long> LONG_CODEC = new OrbitCodec<>(Long.class, RingSpec.perNode(9, 16, Long.BYTES),
        new RecordLayout(1, 0L, Long.BYTES, "value:long:0:8@1"), value -> { },
        (buffer, offset, value) -> buffer.putLong(offset, value), (buffer, offset, length) -> buffer.getLong(offset));

    static Stream<Arguments> misuses()
    {
        return Stream.of(
            misuse("ring: frame kind 256", InvalidArgumentException.class, "KIND 5", "0..255",
                fleet -> fleet.ring(RING).publish(256, 1, new byte[1])),
            misuse("ring: payload past capacity", PayloadTooLargeException.class, "KIND 5", "32",
                fleet -> fleet.ring(RING).publish(1, 1, new byte[33])),
            misuse("orbital: null value", InvalidArgumentException.class, "KIND 9", "null",
                fleet -> Orbital.of(fleet, LONG_CODEC).store(null)),
            misuse("cache: empty key", InvalidArgumentException.class, "KIND 200", "empty",
                fleet -> OrbitCache.open(fleet).put("", "v")),
            misuse("cache: null key", InvalidArgumentException.class, "KIND 200", "null",
                fleet -> OrbitCache.open(fleet).put((String)null, "v")),
            misuse("cache: zero ttl", InvalidArgumentException.class, "KIND 200", "positive",
                fleet -> OrbitCache.open(fleet).put("k", "v", Duration.ZERO)),
            misuse("cache: negative ttl", InvalidArgumentException.class, "KIND 200", "positive",
                fleet -> OrbitCache.open(fleet).put("k", "v", Duration.ofMillis(-1))),
            misuse("cache: key and value past the slot", PayloadTooLargeException.class, "KIND 200", "payload capacity",
                fleet -> OrbitCache.open(fleet).put("k", "v".repeat(5000))),
            misuse("cache: null clock", InvalidArgumentException.class, "KIND 200", "clock",
                fleet -> OrbitCache.builder(fleet).clock(null)),
            misuse("event bus: empty topic", InvalidArgumentException.class, "KIND 220", "empty",
                fleet -> OrbitEventBus.of(fleet).publish("", "x")),
            misuse("event bus: null topic", InvalidArgumentException.class, "KIND 220", "null",
                fleet -> OrbitEventBus.of(fleet).publish(null, "x")),
            misuse("event bus: topic and payload past the slot", PayloadTooLargeException.class, "KIND 220", "at most",
                fleet -> OrbitEventBus.of(fleet).publish("t", "p".repeat(300))),
            misuse("event bus: null clock", InvalidArgumentException.class, "KIND 220", "clock",
                fleet -> OrbitEventBus.of(fleet, null)),
            misuse("contest: empty subject", InvalidArgumentException.class, "KIND 222", "empty",
                fleet -> Contest.open(fleet).tryClaim(1, "", "owner", TTL)),
            misuse("contest: empty owner", InvalidArgumentException.class, "KIND 222", "empty",
                fleet -> Contest.open(fleet).tryClaim(1, "subject", "", TTL)),
            misuse("contest: subject past its limit", PayloadTooLargeException.class, "KIND 222", "limit",
                fleet -> Contest.open(fleet).tryClaim(1, LONG_LABEL, "owner", TTL)),
            misuse("contest: owner past its limit", PayloadTooLargeException.class, "KIND 222", "limit",
                fleet -> Contest.open(fleet).tryClaim(1, "subject", LONG_LABEL, TTL)),
            misuse("contest: zero ttl", InvalidArgumentException.class, "KIND 222", "positive",
                fleet -> Contest.open(fleet).tryClaim(1, "subject", "owner", Duration.ZERO)),
            misuse("contest: null clock", InvalidArgumentException.class, "KIND 222", "clock",
                fleet -> Contest.builder(fleet).clock(null)),
            misuse("heartbeat: zero age", InvalidArgumentException.class, "KIND 221", "positive",
                fleet -> FleetHeartbeat.of(fleet).snapshot(Duration.ZERO)),
            misuse("heartbeat: negative age", InvalidArgumentException.class, "KIND 221", "positive",
                fleet -> FleetHeartbeat.of(fleet).snapshot(Duration.ofSeconds(-1))),
            misuse("heartbeat: null clock", InvalidArgumentException.class, "KIND 221", "clock",
                fleet -> FleetHeartbeat.of(fleet, null)),
            misuse("fleet: node outside", NodeOutsideFleetException.class, "fleet", "0..1",
                fleet -> fleet.isNodeAlive(2)));
    }

    private static Arguments misuse(
        final String label,
        final Class<? extends InvalidArgumentException> expected,
        final String kind,
        final String limit,
        final Consumer<Fleet> action)
    {
        return Arguments.of(label, expected, kind, limit, action);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void misuseThrowsTheArgumentFamilyNamingFleetKindAndLimit(
        final String label,
        final Class<? extends InvalidArgumentException> expected,
        final String kind,
        final String limit,
        final Consumer<Fleet> action)
    {
        final String name = ShmDirectory.uniqueFleetName();
        try (Fleet fleet = Fleet.join(name, 2))
        {
            final InvalidArgumentException refused = assertThrows(expected, () -> action.accept(fleet), label);
            final String message = refused.getMessage();
            assertTrue(message.contains(name), () -> label + ": the message must name the fleet: " + message);
            assertTrue(message.contains(kind), () -> label + ": the message must name " + kind + ": " + message);
            assertTrue(message.contains(limit), () -> label + ": the message must name the limit (" + limit + "): " + message);
            assertEquals(0, fleet.ring(RING).head(0), label + ": nothing may be published");
        }
    }

    @ParameterizedTest(name = "size {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, -1, 65_536, Integer.MAX_VALUE})
    void fleetSizeOutsideOneTo65535HasItsOwnHonestException(final int size)
    {
        final String name = ShmDirectory.uniqueFleetName();
        final InvalidFleetSizeException refused = assertThrows(InvalidFleetSizeException.class, () -> Fleet.join(name, size));
        assertTrue(refused.getMessage().contains(name) && refused.getMessage().contains("1..65535")
            && refused.getMessage().contains(Integer.toString(size)), refused::getMessage);
        assertTrue(refused instanceof InvalidArgumentException, "one family for every argument error");
    }
}
