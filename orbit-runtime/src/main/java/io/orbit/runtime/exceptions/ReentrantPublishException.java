package io.orbit.runtime.exceptions;

/**
 * A thread published into a ring's write lane while it already held that lane: from inside its own
 * payload encoder, or through the ring while holding the ring's exclusive publisher. Raised instead
 * of waiting forever for a lock the thread itself holds; nothing was written.
 */
public final class ReentrantPublishException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the ring, fleet and node.
     */
    public ReentrantPublishException(final String message)
    {
        super(message);
    }
}
