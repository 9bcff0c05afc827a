package io.orbit.processor.element;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Where to report a component's error. On JDK 17 a diagnostic on a {@link RecordComponentElement}
 * (or its accessor) carries no file or line at all; on the record's implicit private field it lands
 * on the component's exact column, on JDK 17 and 25 alike. So errors go on the backing field.
 */
public final class RecordElements
{
    private RecordElements()
    {
    }

    /**
     * @param record    the record.
     * @param component one of its components.
     * @return the component's backing field, or the component itself when none is found (a record
     * read by a front end that hides private fields).
     */
    public static Element backingField(final TypeElement record, final RecordComponentElement component)
    {
        for (final Element member : record.getEnclosedElements())
        {
            if (member.getKind() == ElementKind.FIELD
                && !member.getModifiers().contains(Modifier.STATIC)
                && member.getSimpleName().contentEquals(component.getSimpleName()))
            {
                return member;
            }
        }
        return component;
    }
}
