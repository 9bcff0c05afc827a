package io.orbit.runtime;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every system property the runtime reads, with its default, and the only code that reads them.
 *
 * <table>
 * <caption>System properties</caption>
 * <tr><th>Property</th><th>Default</th><th>Read</th><th>Meaning</th></tr>
 * <tr><td>{@value #DIRECTORY_PROPERTY}</td><td>{@value #DEFAULT_DIRECTORY}</td><td>per fleet context</td>
 *     <td>directory of segment and lease files</td></tr>
 * <tr><td>{@value #ATTACH_TIMEOUT_PROPERTY}</td><td>{@value #DEFAULT_ATTACH_TIMEOUT_MS}</td><td>per fleet context</td>
 *     <td>wait for a segment another process is creating (ms)</td></tr>
 * <tr><td>{@value #PENDING_BOUND_PROPERTY}</td><td>{@value #DEFAULT_PENDING_BOUND_MS}</td><td>per fleet context</td>
 *     <td>wait for a live process's claimed-but-uncommitted SHARED slot, and contests' default (ms)</td></tr>
 * <tr><td>{@value #FUTEX_PROPERTY}</td><td>true</td><td>once per JVM</td>
 *     <td>{@code false}: waiters watch the word instead of calling {@code futex(2)} (for comparisons)</td></tr>
 * <tr><td>{@value #NOTIFY_ALWAYS_PROPERTY}</td><td>false</td><td>per ring</td>
 *     <td>{@code true}: every WAITERS ring of this JVM notifies as ALWAYS</td></tr>
 * <tr><td>{@value #FAIL_ON_FOREIGN_WRITER_PROPERTY}</td><td>false</td><td>per ring</td>
 *     <td>{@code true}: the publish that notices another writer on this process's lane throws</td></tr>
 * </table>
 *
 * <p>The fleet-level three are read when {@link io.orbit.runtime.fleet.Fleet#builder(String, int)}
 * makes a {@link io.orbit.runtime.fleet.FleetContext}, which can override each; the other three are
 * process-wide switches for tests and measurements. Unparseable numbers fall back to the default.
 */
public final class OrbitProperties
{
    /** System property naming the shared-memory directory. */
    public static final String DIRECTORY_PROPERTY = "orbit.shm.dir";
    /** Default shared-memory directory. */
    public static final String DEFAULT_DIRECTORY = "/dev/shm";
    /** System property bounding the wait for a segment to become ready, in milliseconds. */
    public static final String ATTACH_TIMEOUT_PROPERTY = "orbit.shm.attachTimeoutMs";
    /** Default of {@link #ATTACH_TIMEOUT_PROPERTY}. */
    public static final long DEFAULT_ATTACH_TIMEOUT_MS = 2000;
    /** System property: how long a SHARED slot may stay claimed-but-uncommitted before it is given up (ms). */
    public static final String PENDING_BOUND_PROPERTY = "orbit.ring.pendingBoundMs";
    /** Default of {@link #PENDING_BOUND_PROPERTY}. */
    public static final long DEFAULT_PENDING_BOUND_MS = 1000;
    /** System property: {@code false} makes this JVM watch the word instead of calling futex. */
    public static final String FUTEX_PROPERTY = "orbit.futex";
    /** System property: {@code true} treats every WAITERS ring of this JVM as ALWAYS. */
    public static final String NOTIFY_ALWAYS_PROPERTY = "orbit.ring.notifyAlways";
    /** System property: throw from the publish that notices a foreign writer on this process's lane. */
    public static final String FAIL_ON_FOREIGN_WRITER_PROPERTY = "orbit.ring.failOnForeignWriter";

    private OrbitProperties()
    {
    }

    /**
     * @return the directory named by {@value #DIRECTORY_PROPERTY}, or {@value #DEFAULT_DIRECTORY}.
     */
    public static Path directory()
    {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY));
    }

    /**
     * @return {@value #ATTACH_TIMEOUT_PROPERTY}, or {@value #DEFAULT_ATTACH_TIMEOUT_MS} ms.
     */
    public static Duration attachTimeout()
    {
        return Duration.ofMillis(Long.getLong(ATTACH_TIMEOUT_PROPERTY, DEFAULT_ATTACH_TIMEOUT_MS));
    }

    /**
     * @return {@value #PENDING_BOUND_PROPERTY}, or {@value #DEFAULT_PENDING_BOUND_MS} ms.
     */
    public static Duration pendingBound()
    {
        return Duration.ofMillis(Long.getLong(PENDING_BOUND_PROPERTY, DEFAULT_PENDING_BOUND_MS));
    }

    /**
     * @return false when {@value #FUTEX_PROPERTY} is {@code false}; true otherwise.
     */
    public static boolean futex()
    {
        return Boolean.parseBoolean(System.getProperty(FUTEX_PROPERTY, "true"));
    }

    /**
     * @return true when {@value #NOTIFY_ALWAYS_PROPERTY} is {@code true}.
     */
    public static boolean notifyAlways()
    {
        return Boolean.getBoolean(NOTIFY_ALWAYS_PROPERTY);
    }

    /**
     * @return true when {@value #FAIL_ON_FOREIGN_WRITER_PROPERTY} is {@code true}.
     */
    public static boolean failOnForeignWriter()
    {
        return Boolean.getBoolean(FAIL_ON_FOREIGN_WRITER_PROPERTY);
    }
}
