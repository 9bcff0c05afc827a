package io.orbit.runtime.heartbeat;

import io.orbit.runtime.fleet.Fleet;
import org.agrona.concurrent.AtomicBuffer;

/**
 * Test-only access to a fleet's heartbeat table memory, for tests that damage slots or headers: the
 * table opened once more through the fleet, which gives the same process-local buffer or a second
 * mapping of the same file. Production code has no such accessor.
 */
final class HeartbeatTestHooks
{
    private HeartbeatTestHooks()
    {
    }

    /**
     * @param fleet a fleet whose heartbeat table is open (or may be created).
     * @return the table's raw memory, released when the fleet closes.
     */
    static AtomicBuffer memory(final Fleet fleet)
    {
        return fleet.table(FleetHeartbeat.KIND, new HeartbeatTableFormat(fleet.name(), FleetHeartbeat.KIND, fleet.size())).buffer();
    }
}
