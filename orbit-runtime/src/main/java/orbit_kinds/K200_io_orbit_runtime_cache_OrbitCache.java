package orbit_kinds;

import io.orbit.annotations.KindClaim;

/**
 * The runtime's reservation of KIND 200 (the OrbitCache mutation ring). The annotation processor reads it from the runtime
 * jar and refuses any user type that claims this KIND.
 */
@KindClaim(kind = 200, type = "io.orbit.runtime.cache.OrbitCache")
public final class K200_io_orbit_runtime_cache_OrbitCache
{
    private K200_io_orbit_runtime_cache_OrbitCache()
    {
    }
}
