package io.orbit.runtime.exceptions;

/**
 * Another live process (or another fleet handle of this process) already holds the node's lease.
 */
public final class NodeInUseException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public NodeInUseException(final String message)
    {
        super(message);
    }
}
