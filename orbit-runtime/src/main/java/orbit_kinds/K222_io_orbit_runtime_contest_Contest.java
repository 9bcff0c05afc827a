package orbit_kinds;

import io.orbit.annotations.KindClaim;

/**
 * The runtime's reservation of KIND 222 (the Contest lease table). The annotation processor reads it from the runtime
 * jar and refuses any user type that claims this KIND.
 */
@KindClaim(kind = 222, type = "io.orbit.runtime.contest.Contest")
public final class K222_io_orbit_runtime_contest_Contest
{
    private K222_io_orbit_runtime_contest_Contest()
    {
    }
}
