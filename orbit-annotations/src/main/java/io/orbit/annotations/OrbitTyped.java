package io.orbit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as an Orbit type: the annotation processor generates a fixed-layout codec
 * ({@code XCodec}) and a typed accessor ({@code XOrbital}) for it, and refuses to compile when two
 * types claim one KIND.
 *
 * <pre>{@code
 * @OrbitTyped(kind = 12)
 * record WorkerLoad(int busy, int idle) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OrbitTyped
{
    /**
     * @return the ring KIND of this type, 1..199 (0 and 200..255 are reserved for the runtime).
     */
    int kind();

    /**
     * @return slots per lane of the type's ring, a positive power of two.
     */
    int capacity() default 1024;

    /**
     * @return how writers share the ring.
     */
    Topology topology() default Topology.PER_NODE;

    /**
     * How writers share a typed ring; mirrors the runtime's ring topology.
     */
    enum Topology
    {
        /** One lane per node, written only by that node's lease holder. */
        PER_NODE,
        /** One lane shared by every writer. */
        SHARED
    }
}
