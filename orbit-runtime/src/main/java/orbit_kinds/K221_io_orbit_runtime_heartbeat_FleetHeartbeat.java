package orbit_kinds;

import io.orbit.annotations.KindClaim;

/**
 * The runtime's reservation of KIND 221 (the FleetHeartbeat table). The annotation processor reads it from the runtime
 * jar and refuses any user type that claims this KIND.
 */
@KindClaim(kind = 221, type = "io.orbit.runtime.heartbeat.FleetHeartbeat")
public final class K221_io_orbit_runtime_heartbeat_FleetHeartbeat
{
    private K221_io_orbit_runtime_heartbeat_FleetHeartbeat()
    {
    }
}
