package io.orbit.runtime.ring;

/**
 * How writers share a ring. The code is the {@code topology} byte of the segment header.
 */
public enum Topology
{
    /** One lane shared by every writer; counters claimed by {@code getAndAdd}, slots acquired by CAS. */
    SHARED(0),
    /** One lane per node, written only by the process that holds that node's lease. */
    PER_NODE(1);

    /** The Rust crate's {@code SharedOrdered} code, which this port does not implement. */
    public static final int SHARED_ORDERED_CODE = 2;

    private final int code;

    Topology(final int code)
    {
        this.code = code;
    }

    /**
     * @return the header byte for this topology.
     */
    public int code()
    {
        return code;
    }

    /**
     * @param fleetSize number of nodes of the fleet.
     * @return lanes of a ring of this topology: one per node for {@link #PER_NODE}, else one.
     */
    public int laneCount(final int fleetSize)
    {
        return this == PER_NODE ? fleetSize : 1;
    }
}
