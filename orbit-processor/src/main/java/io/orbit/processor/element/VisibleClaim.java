package io.orbit.processor.element;

import io.orbit.processor.model.ClaimNamespace;

/**
 * A {@code @KindClaim} class visible to the compilation: on the class path, on the module path, or
 * written in an earlier round.
 *
 * @param namespace   ring or contest.
 * @param kind        the claimed KIND.
 * @param type        binary name of the claiming type.
 * @param fingerprint its layout fingerprint, 0 when none.
 * @param claimClass  qualified name of the claim class.
 * @param location    where it was found, for messages: {@code class path} or {@code module path (module m)}.
 */
public record VisibleClaim(
    ClaimNamespace namespace,
    int kind,
    String type,
    long fingerprint,
    String claimClass,
    String location)
{
    /** Claims of types in this package tree come from the runtime jar: its reserved KINDs. */
    public static final String RUNTIME_PACKAGE_PREFIX = "io.orbit.runtime.";

    /**
     * @return true for a reservation by the Orbit runtime jar.
     */
    public boolean isRuntime()
    {
        return type.startsWith(RUNTIME_PACKAGE_PREFIX);
    }
}
