package io.orbit.runtime.ring;

/**
 * Whether a ring's publishers wake subscribers blocked in {@code await} (orbit-rs's ring
 * notification word, {@code notification_generation} at header offset 36).
 */
public enum Notify
{
    /** Publishers leave the word alone; {@code await} on such a ring is refused. */
    NONE,
    /**
     * After each commit a publisher increments the word (as orbit-rs does) and makes the wake-up
     * system call only when a Java subscriber is registered as waiting (header offset 56). Subscribers
     * that do not register (orbit-rs's event-fd thread) are woken only by their own timeouts.
     */
    WAITERS,
    /**
     * Increment the word and wake on every publish, as orbit-rs's publishers do: for rings that
     * orbit-rs subscribers wait on. Costs one system call per publish.
     */
    ALWAYS
}
