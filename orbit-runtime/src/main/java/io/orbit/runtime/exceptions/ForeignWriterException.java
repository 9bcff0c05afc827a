package io.orbit.runtime.exceptions;

/**
 * Another process wrote a PER_NODE lane that this process holds (the lane head moved without it),
 * for example an orbit-rs process publishing as the same node: orbit-rs takes no node lease. Thrown
 * by a publish only when {@code -Dorbit.ring.failOnForeignWriter=true}; otherwise the event is counted
 * in the ring's {@code WriterStats.foreignWrites()}.
 */
public final class ForeignWriterException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the fleet, KIND, lane, segment and the heads.
     */
    public ForeignWriterException(final String message)
    {
        super(message);
    }
}
