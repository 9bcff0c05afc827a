package io.orbit.processor.validation;

import io.orbit.processor.element.KindAnnotation;
import io.orbit.processor.model.ClaimNamespace;
import javax.lang.model.element.TypeElement;

/**
 * One KIND claimed by a type of this compilation.
 *
 * @param type       the claiming type.
 * @param binaryName its binary name (the claim's {@code type} value).
 * @param annotation the {@code @OrbitTyped} or {@code @ContestType} values.
 */
public record KindCandidate(TypeElement type, String binaryName, KindAnnotation annotation)
{
    /**
     * @return ring or contest.
     */
    public ClaimNamespace namespace()
    {
        return annotation.namespace();
    }

    /**
     * @return the claimed KIND.
     */
    public int kind()
    {
        return annotation.kind();
    }
}
