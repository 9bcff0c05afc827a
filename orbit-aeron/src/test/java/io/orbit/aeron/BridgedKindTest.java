package io.orbit.aeron;

import io.orbit.runtime.exceptions.InvalidRingSpecException;
import io.orbit.runtime.cache.OrbitCache;
import io.orbit.runtime.event.OrbitEventBus;
import io.orbit.runtime.exceptions.InvalidArgumentException;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.ring.RingSpec;
import io.orbit.runtime.ring.Topology;
import io.orbit.runtime.testing.ChildJvm;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What may cross: the kinds parser, the grid numbering, and the refusal of the contest table.
 */
class BridgedKindTest
{
    @Test
    void theContestTableIsRefusedWithAClearMessage()
    {
        final ContestNotBridgedException parsed = assertThrows(ContestNotBridgedException.class,
            () -> BridgedKind.parseAll("shop", "12:16:64,222"));
        assertTrue(parsed.getMessage().contains("fleet shop"), parsed.getMessage());
        assertTrue(parsed.getMessage().contains("KIND 222"), parsed.getMessage());
        assertTrue(parsed.getMessage().contains("Aeron Cluster"), parsed.getMessage());

        try (ShmDirectory dir = ShmDirectory.create())
        {
            final String fleet = ShmDirectory.uniqueFleetName();
            final BridgeConfig config = BridgeConfig.of(fleet, 4, dir.path(), 0, List.of("127.0.0.1:1", "127.0.0.1:2"),
                List.of(new BridgedKind(222, null)));
            assertThrows(ContestNotBridgedException.class, () -> OrbitBridge.start(config));
            try (Fleet node0 = Fleet.joinShmAs(fleet, 4, 0, dir.path()))
            {
                assertEquals(0, node0.node(), "a refused bridge never took its node");
            }
        }
    }

    @Test
    void anMtuOrMulticastEndpointAeronCannotUseIsRefusedNamingTheLimitBeforeTheNodeIsTaken()
    {
        try (ShmDirectory dir = ShmDirectory.create())
        {
            final String fleet = ShmDirectory.uniqueFleetName();
            for (final int mtu : new int[] {1400, 65_536, 32})
            {
                final InvalidArgumentException refused = assertThrows(InvalidArgumentException.class,
                    () -> OrbitBridge.start(config(fleet, dir, mtu, "")));
                assertTrue(refused.getMessage().contains("MTU " + mtu) && refused.getMessage().contains("65504"), refused.getMessage());
                assertTrue(refused.getMessage().contains("fleet " + fleet), refused.getMessage());
            }
            for (final String multicast : new String[] {"10.0.0.1:40456", "239.255.0.1", "239.255.0.1:port", "239.255.0.2:40456"})
            {
                final InvalidArgumentException refused = assertThrows(InvalidArgumentException.class,
                    () -> OrbitBridge.start(config(fleet, dir, BridgeConfig.DEFAULT_MTU, multicast)));
                assertTrue(refused.getMessage().contains("multicast endpoint '" + multicast + "'"), refused.getMessage());
            }
            try (Fleet node0 = Fleet.joinShmAs(fleet, 4, 0, dir.path()))
            {
                assertEquals(0, node0.node(), "a refused bridge never took its node");
            }
        }
    }

    private static BridgeConfig config(final String fleet, final ShmDirectory dir, final int mtu, final String multicast)
    {
        return new BridgeConfig(fleet, 4, dir.path(), 0, List.of("127.0.0.1:1", "127.0.0.1:2"),
            List.of(BridgedKind.ring(RingSpec.perNode(12, 16, 64))), BridgeConfig.DEFAULT_BEAT_INTERVAL,
            BridgeConfig.DEFAULT_LINK_TIMEOUT, BridgeConfig.DEFAULT_TERM_LENGTH, mtu, multicast, line -> { });
    }

    @Test
    void theCommandLineRefusesTheContestTableAndExitsNonZero()
    {
        try (ShmDirectory dir = ShmDirectory.create(); ChildJvm bridge = ChildJvm.start(dir.path(), BridgeMain.class,
            "--fleet", "shop", "--size", "4", "--dir", dir.path().toString(), "--host-index", "0",
            "--hosts", "127.0.0.1:1,127.0.0.1:2", "--kinds", "221,222"))
        {
            assertEquals(2, bridge.awaitExit());
        }
    }

    @Test
    void kindsParseToTheSpecsTheSubstratesUse()
    {
        final List<BridgedKind> kinds = BridgedKind.parseAll("shop", "12:1024:64, 13:8:16:shared,220,200,221");
        assertEquals(RingSpec.perNode(12, 1024, 64), kinds.get(0).spec());
        assertEquals(Topology.SHARED, kinds.get(1).spec().topology());
        assertEquals(OrbitEventBus.spec(OrbitEventBus.DEFAULT_CAPACITY), kinds.get(2).spec());
        assertEquals(OrbitCache.ringSpec(OrbitCache.DEFAULT_CAPACITY, OrbitCache.DEFAULT_PAYLOAD_CAPACITY), kinds.get(3).spec());
        assertTrue(kinds.get(4).isHeartbeat());
        assertThrows(InvalidRingSpecException.class, () -> BridgedKind.parse("shop", "12"));
        assertThrows(InvalidRingSpecException.class, () -> BridgedKind.parse("shop", "x:1:2"));
    }

    @Test
    void everyNodeBelongsToExactlyOneHost()
    {
        final GridLayout grid = new GridLayout(10, 3);
        assertEquals(List.of(0, 3, 6), List.of(grid.firstNode(0), grid.firstNode(1), grid.firstNode(2)));
        assertEquals(10, grid.endNode(2));
        for (int node = 0; node < 10; node++)
        {
            final int host = grid.hostOf(node);
            assertTrue(node >= grid.firstNode(host) && node < grid.endNode(host), "node " + node);
        }
        assertThrows(RuntimeException.class, () -> new GridLayout(3, 2));
    }
}
