package io.orbit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A claim on a KIND, carried by a small class in the package {@code orbit_kinds} (unnamed module)
 * or {@code orbit_kinds.<module_name_with_underscores>} (named module). The annotation processor
 * writes one for every {@link OrbitTyped} and {@link ContestType} type, and the runtime jar carries
 * the claims of its reserved KINDs; the processor reads every claim visible to a compilation and
 * refuses duplicates. Not meant to be written by hand.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface KindClaim
{
    /** Namespace of ring KINDs ({@link OrbitTyped}). */
    String RING = "ring";
    /** Namespace of contest subject types ({@link ContestType}). */
    String CONTEST = "contest";

    /**
     * @return {@link #RING} or {@link #CONTEST}.
     */
    String namespace() default RING;

    /**
     * @return the claimed KIND.
     */
    int kind();

    /**
     * @return the binary name of the claiming type.
     */
    String type();

    /**
     * @return the claiming type's 64-bit layout fingerprint, 0 when it has none.
     */
    long fingerprint() default 0L;
}
