package io.orbit.processor.element;

import io.orbit.processor.model.JavaName;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Turns type elements into model names.
 */
public final class JavaNames
{
    private JavaNames()
    {
    }

    /**
     * @param elements javac's element utilities.
     * @param type     a top-level or member type.
     * @return its package and simple names, outermost first.
     */
    public static JavaName of(final Elements elements, final TypeElement type)
    {
        final Deque<String> simpleNames = new ArrayDeque<>();
        Element current = type;
        while (current instanceof TypeElement typeElement)
        {
            simpleNames.addFirst(typeElement.getSimpleName().toString());
            current = typeElement.getEnclosingElement();
        }
        return new JavaName(elements.getPackageOf(type).getQualifiedName().toString(), List.copyOf(simpleNames));
    }
}
