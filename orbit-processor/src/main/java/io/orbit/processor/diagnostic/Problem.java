package io.orbit.processor.diagnostic;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One error found by model building or validation, pinned to the smallest element that is wrong:
 * an annotation value, an annotation, a record's backing field, or a type.
 *
 * @param message    the catalogue entry.
 * @param element    where it is reported.
 * @param annotation the annotation on {@code element} to point into, or null.
 * @param value      the annotation value to point at, or null.
 * @param args       the template arguments.
 */
public record Problem(
    Message message,
    Element element,
    AnnotationMirror annotation,
    AnnotationValue value,
    List<Object> args)
{
    /**
     * Copies the arguments.
     */
    public Problem
    {
        args = List.copyOf(args);
    }

    /**
     * @param message the catalogue entry.
     * @param element where it is reported.
     * @param args    template arguments.
     * @return a problem on an element.
     */
    public static Problem on(final Message message, final Element element, final Object... args)
    {
        return new Problem(message, element, null, null, List.of(args));
    }

    /**
     * @param message    the catalogue entry.
     * @param element    the annotated element.
     * @param annotation the annotation.
     * @param value      the value to point at; null points at the annotation.
     * @param args       template arguments.
     * @return a problem on an annotation value.
     */
    public static Problem onValue(
        final Message message,
        final Element element,
        final AnnotationMirror annotation,
        final AnnotationValue value,
        final Object... args)
    {
        return new Problem(message, element, annotation, value, List.of(args));
    }

    /**
     * @return the message without tag or hint, for quoting inside another message.
     */
    public String summary()
    {
        return String.format(java.util.Locale.ROOT, message.template(), args.toArray());
    }

    /**
     * @return the formatted text, {@code [Tag] message. Fix: hint.}
     */
    public String text()
    {
        return message.format(args.toArray());
    }
}
