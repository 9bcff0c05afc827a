package io.orbit.runtime.exceptions;

/**
 * Every slot of a fleet's contest table holds a live lease, so a claim on a new subject has nowhere
 * to go. Live subjects are never evicted to make room.
 */
public final class ContestTableFullException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /** The table's slot count. */
    private final int capacity;

    /**
     * @param message  names the fleet, the KIND and the capacity.
     * @param capacity the table's slot count.
     */
    public ContestTableFullException(final String message, final int capacity)
    {
        super(message);
        this.capacity = capacity;
    }

    /**
     * @return the table's slot count: the most subjects that can be held at once.
     */
    public int capacity()
    {
        return capacity;
    }
}
