package io.orbit.stress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique process-local fleet names: jcstress builds many state objects at once, and two states
 * sharing a fleet name would share its segments and node leases.
 */
public final class FleetNames
{
    private static final AtomicLong NEXT = new AtomicLong();

    private FleetNames()
    {
    }

    /**
     * @param prefix a short name prefix of {@code [A-Za-z0-9_.]}, at most 16 characters.
     * @return a fleet name never returned before in this JVM.
     */
    public static String next(final String prefix)
    {
        return prefix + "." + Long.toString(NEXT.getAndIncrement(), 36);
    }
}
