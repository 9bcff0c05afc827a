package orbit_kinds;

import io.orbit.annotations.KindClaim;

/**
 * The runtime's reservation of KIND 220 (the OrbitEventBus ring). The annotation processor reads it from the runtime
 * jar and refuses any user type that claims this KIND.
 */
@KindClaim(kind = 220, type = "io.orbit.runtime.event.OrbitEventBus")
public final class K220_io_orbit_runtime_event_OrbitEventBus
{
    private K220_io_orbit_runtime_event_OrbitEventBus()
    {
    }
}
