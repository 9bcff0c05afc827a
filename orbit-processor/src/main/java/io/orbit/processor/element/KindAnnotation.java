package io.orbit.processor.element;

import io.orbit.processor.model.ClaimNamespace;
import io.orbit.processor.model.Topology;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The values of an {@code @OrbitTyped} or {@code @ContestType} annotation, with the mirrors that
 * diagnostics point at.
 *
 * @param namespace     ring for {@code @OrbitTyped}, contest for {@code @ContestType}.
 * @param mirror        the annotation.
 * @param kind          the KIND.
 * @param kindValue     the {@code kind = ...} value.
 * @param capacity      slots per lane (ring only; 0 for contest).
 * @param capacityValue the {@code capacity = ...} value, or null when the default applies.
 * @param topology      ring topology (PER_NODE for contest).
 * @param payloadCapacity      declared payload bytes per slot, -1 for the default (ring only; -1 for contest).
 * @param payloadCapacityValue the {@code payloadCapacity = ...} value, or null when the default applies.
 */
public record KindAnnotation(
    ClaimNamespace namespace,
    AnnotationMirror mirror,
    int kind,
    AnnotationValue kindValue,
    int capacity,
    AnnotationValue capacityValue,
    Topology topology,
    int payloadCapacity,
    AnnotationValue payloadCapacityValue)
{
    /**
     * Reads {@code @OrbitTyped} or {@code @ContestType} from a type.
     *
     * @param reader    the annotation reader.
     * @param type      the annotated type.
     * @param namespace which annotation to read.
     * @return the values, or null when the type does not carry the annotation or a value is not
     * resolved yet (an unknown constant; javac reports it, or a later round resolves it).
     */
    public static KindAnnotation read(final AnnotationReader reader, final TypeElement type, final ClaimNamespace namespace)
    {
        final String annotationName =
            namespace == ClaimNamespace.RING ? AnnotationReader.ORBIT_TYPED : AnnotationReader.CONTEST_TYPE;
        final AnnotationMirror mirror = AnnotationReader.find(type, annotationName);
        if (mirror == null)
        {
            return null;
        }
        final AnnotationValue kindValue = reader.withDefault(mirror, "kind");
        final Integer kind = AnnotationReader.intValue(kindValue);
        if (kind == null)
        {
            return null;
        }
        if (namespace == ClaimNamespace.CONTEST)
        {
            return new KindAnnotation(namespace, mirror, kind, kindValue, 0, null, Topology.PER_NODE, -1, null);
        }
        final Integer capacity = AnnotationReader.intValue(reader.withDefault(mirror, "capacity"));
        final AnnotationValue topologyValue = reader.withDefault(mirror, "topology");
        // A runtime jar older than @OrbitTyped.payloadCapacity has no such element: the default applies.
        final AnnotationValue payloadCapacityValue = reader.withDefault(mirror, "payloadCapacity");
        final Integer payloadCapacity = payloadCapacityValue == null ? Integer.valueOf(-1) : AnnotationReader.intValue(payloadCapacityValue);
        if (capacity == null || payloadCapacity == null || topologyValue == null
            || !(topologyValue.getValue() instanceof VariableElement constant))
        {
            return null;
        }
        return new KindAnnotation(
            namespace,
            mirror,
            kind,
            kindValue,
            capacity,
            AnnotationReader.explicit(mirror, "capacity"),
            Topology.valueOf(constant.getSimpleName().toString()),
            payloadCapacity,
            AnnotationReader.explicit(mirror, "payloadCapacity"));
    }
}
