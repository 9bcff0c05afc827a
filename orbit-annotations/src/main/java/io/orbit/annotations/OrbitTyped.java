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

    /** The value of {@link #payloadCapacity()} that asks for the default payload capacity. */
    int DEFAULT_PAYLOAD_CAPACITY = -1;

    /**
     * Payload bytes of each slot of the type's ring, fixed for the life of the ring: every version
     * of the record (see {@link Since}) must fit it, and processes of every version must declare the
     * same value. The default ({@code -1}) is the room the slot has anyway for the version-1
     * components: {@code roundUp(32 + length of the version-1 components, 64) - 32} (slots are
     * 64-byte aligned and start with a 32-byte header), so an 8-byte version 1 gets 32 bytes. It
     * depends on version-1 components only, so appending components never changes it. Set it larger
     * when later versions need more room than that; it cannot be smaller than version 1 or larger
     * than the runtime's slot payload limit.
     *
     * @return payload bytes per slot, or {@code -1} for the default.
     */
    int payloadCapacity() default DEFAULT_PAYLOAD_CAPACITY;

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
