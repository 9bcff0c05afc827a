package io.orbit.processor.element;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotations as mirrors, never as reflective proxies: mirrors work for types read from class
 * files and keep the {@link AnnotationValue} that diagnostics point at.
 */
public final class AnnotationReader
{
    /** {@code io.orbit.annotations.OrbitTyped}. */
    public static final String ORBIT_TYPED = "io.orbit.annotations.OrbitTyped";
    /** {@code io.orbit.annotations.ContestType}. */
    public static final String CONTEST_TYPE = "io.orbit.annotations.ContestType";
    /** {@code io.orbit.annotations.Length}. */
    public static final String LENGTH = "io.orbit.annotations.Length";
    /** {@code io.orbit.annotations.Since}. */
    public static final String SINCE = "io.orbit.annotations.Since";
    /** {@code io.orbit.annotations.KindClaim}. */
    public static final String KIND_CLAIM = "io.orbit.annotations.KindClaim";
    /** {@code io.orbit.annotations.Generated}. */
    public static final String GENERATED = "io.orbit.annotations.Generated";

    private final Elements elements;

    /**
     * @param elements javac's element utilities.
     */
    public AnnotationReader(final Elements elements)
    {
        this.elements = elements;
    }

    /**
     * @param element        an annotated element.
     * @param annotationName qualified name of the annotation type.
     * @return the mirror, or null when the element does not carry it.
     */
    public static AnnotationMirror find(final Element element, final String annotationName)
    {
        for (final AnnotationMirror mirror : element.getAnnotationMirrors())
        {
            final Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement typeElement && typeElement.getQualifiedName().contentEquals(annotationName))
            {
                return mirror;
            }
        }
        return null;
    }

    /**
     * @param mirror an annotation.
     * @param name   an element name.
     * @return the value written in source, or null when the default applies.
     */
    public static AnnotationValue explicit(final AnnotationMirror mirror, final String name)
    {
        return valueNamed(mirror.getElementValues(), name);
    }

    /**
     * @param mirror an annotation.
     * @param name   an element name.
     * @return the value in effect, written or default; null only when neither exists.
     */
    public AnnotationValue withDefault(final AnnotationMirror mirror, final String name)
    {
        return valueNamed(elements.getElementValuesWithDefaults(mirror), name);
    }

    /**
     * @param value an annotation value, may be null.
     * @return its int, or null when absent or erroneous (an unresolved constant, which javac reports).
     */
    public static Integer intValue(final AnnotationValue value)
    {
        return value != null && value.getValue() instanceof Integer integer ? integer : null;
    }

    private static AnnotationValue valueNamed(
        final Map<? extends ExecutableElement, ? extends AnnotationValue> values, final String name)
    {
        for (final Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet())
        {
            if (entry.getKey().getSimpleName().contentEquals(name))
            {
                return entry.getValue();
            }
        }
        return null;
    }
}
