package io.orbit.micrometer;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.heartbeat.FleetHeartbeat;
import io.orbit.runtime.ring.Ring;

/**
 * Node 1 of a 2-node fleet: beats once, publishes {@code args[1]} frames into {@link OrbitFleetMetricsTest#SPEC}, exits.
 */
public final class Publisher
{
    private Publisher()
    {
    }

    /**
     * @param args fleet name, frame count.
     */
    public static void main(final String[] args)
    {
        try (Fleet fleet = Fleet.joinShmAs(args[0], 2, 1))
        {
            FleetHeartbeat.open(fleet).beat();
            final Ring ring = fleet.ring(OrbitFleetMetricsTest.SPEC);
            for (int i = 0; i < Integer.parseInt(args[1]); i++)
            {
                ring.publish(0, i, new byte[] {(byte)i});
            }
        }
        System.out.println("DONE");
    }
}
