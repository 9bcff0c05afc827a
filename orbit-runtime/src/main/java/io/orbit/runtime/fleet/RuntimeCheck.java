package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.OrbitException;

import java.nio.ByteOrder;

/**
 * Checks, once, what the runtime needs from the JVM before any segment is touched: Agrona's access
 * to {@code jdk.internal.misc} and a little-endian platform (the segment layout is little-endian
 * and its atomics use native order).
 */
final class RuntimeCheck
{
    /** The JVM option Agrona 2.x needs. */
    static final String ADD_EXPORTS = "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED";

    private static volatile boolean passed;

    private RuntimeCheck()
    {
    }

    static void ensure()
    {
        if (passed)
        {
            return;
        }
        final Module base = Object.class.getModule();
        // Agrona is what reaches jdk.internal.misc: on the module path it is the named module org.agrona,
        // and ALL-UNNAMED does not cover it.
        final Module agrona = org.agrona.concurrent.UnsafeBuffer.class.getModule();
        if (!base.isExported("jdk.internal.misc", agrona))
        {
            throw new OrbitException(agrona.isNamed()
                ? "Orbit needs the JVM option '--add-exports java.base/jdk.internal.misc=" + agrona.getName()
                    + "' (Agrona 2.x uses jdk.internal.misc.Unsafe, and Agrona is the named module " + agrona.getName()
                    + " on the module path, so =ALL-UNNAMED does not reach it); add it to the java command line"
                : "Orbit needs the JVM option '" + ADD_EXPORTS + "' (Agrona 2.x uses "
                    + "jdk.internal.misc.Unsafe); add it to the java command line, to Surefire's argLine, to MAVEN_OPTS or "
                    + ".mvn/jvm.config for mvn exec:java, or use the 'Add-Exports: java.base/jdk.internal.misc' manifest "
                    + "entry of a runnable jar");
        }
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN)
        {
            throw new OrbitException("Orbit segments are little-endian and use native-order atomics; this platform is "
                + ByteOrder.nativeOrder());
        }
        passed = true;
    }
}
