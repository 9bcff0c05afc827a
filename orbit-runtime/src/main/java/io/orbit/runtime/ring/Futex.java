package io.orbit.runtime.ring;

import io.orbit.runtime.OrbitProperties;

/**
 * The Linux {@code futex(2)} system call on a 32-bit word of shared memory, shared (not
 * {@code FUTEX_PRIVATE}) so it works across processes and with orbit-rs, which waits and wakes on
 * the same word. JDK 22+ makes the call through {@code java.lang.foreign}; that implementation
 * ({@code FfmFutex}) lives in the jar's {@code META-INF/versions/22/} and is present only when the
 * jar was built by a JDK 22+ (see the {@code jdk22-futex} profile). Without it (JDK 17, another OS,
 * or {@value io.orbit.runtime.OrbitProperties#FUTEX_PROPERTY}{@code =false}) {@link #SYSTEM} is null and waiters watch the word instead.
 */
abstract class Futex
{
    /** This JVM's futex, or null when it cannot make the call. */
    static final Futex SYSTEM = load();

    /**
     * {@code FUTEX_WAIT}: sleeps while the word at {@code address} holds {@code expected}, until a
     * wake, the timeout, or a signal; returns at once when the word already differs.
     *
     * @param address   native address of the 4-byte aligned word.
     * @param expected  the value seen.
     * @param timeoutNs longest sleep.
     */
    abstract void await(long address, int expected, long timeoutNs);

    /**
     * {@code FUTEX_WAKE} of every waiter on the word.
     *
     * @param address native address of the word.
     */
    abstract void wakeAll(long address);

    private static Futex load()
    {
        if (Runtime.version().feature() < 22 || !OrbitProperties.futex())
        {
            return null;
        }
        try
        {
            return (Futex)Class.forName("io.orbit.runtime.ring.FfmFutex").getDeclaredConstructor().newInstance();
        }
        catch (final ReflectiveOperationException | LinkageError | RuntimeException ex)
        {
            return null; // built without the JDK 22 classes, or not Linux on x86-64/aarch64: watch the word
        }
    }
}
