package io.orbit.runtime.ring;

/**
 * Sets a system property for the extent of a try-with-resources block and restores the previous value.
 * Fleets read {@code orbit.ring.pendingBoundMs} and {@code orbit.shm.attachTimeoutMs} when they are joined.
 */
public final class SystemProperty implements AutoCloseable
{
    private final String key;
    private final String previous;

    private SystemProperty(final String key, final String value)
    {
        this.key = key;
        this.previous = System.getProperty(key);
        System.setProperty(key, value);
    }

    /**
     * @param key   property name.
     * @param value value while the block runs.
     * @return the handle that restores the previous value.
     */
    public static SystemProperty set(final String key, final String value)
    {
        return new SystemProperty(key, value);
    }

    @Override
    public void close()
    {
        if (previous == null)
        {
            System.clearProperty(key);
        }
        else
        {
            System.setProperty(key, previous);
        }
    }
}
