package io.orbit.aeron;

import io.orbit.runtime.exceptions.OrbitException;

/**
 * The contest table (KIND 222) cannot cross hosts: a lease that two hosts may both grant needs
 * consensus, which copying a table over a link cannot give. Contests that span hosts belong on
 * Aeron Cluster (Raft); each host's own contests stay local.
 */
public final class ContestNotBridgedException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the fleet and the KIND.
     */
    public ContestNotBridgedException(final String message)
    {
        super(message);
    }
}
