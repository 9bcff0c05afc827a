package io.orbit.processor.element;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Limits the runtime sets, read from the runtime's class files on the compilation's class path so
 * the processor and the runtime cannot drift apart.
 */
public final class RuntimeLimits
{
    /** The runtime class holding the slot layout constants. */
    public static final String RING_LAYOUT = "io.orbit.runtime.ring.RingLayout";
    /** The constant naming the largest slot payload. */
    public static final String MAX_PAYLOAD_CAPACITY = "MAX_PAYLOAD_CAPACITY";
    /** Used when the runtime is not on the class path (it is needed to compile generated code anyway). */
    public static final int FALLBACK_MAX_PAYLOAD = 1 << 24;

    private RuntimeLimits()
    {
    }

    /**
     * @param elements javac's element utilities.
     * @return {@code RingLayout.MAX_PAYLOAD_CAPACITY}, or {@link #FALLBACK_MAX_PAYLOAD}.
     */
    public static int maxPayload(final Elements elements)
    {
        final TypeElement layout = elements.getTypeElement(RING_LAYOUT);
        if (layout != null)
        {
            for (final Element member : layout.getEnclosedElements())
            {
                if (member.getKind() == ElementKind.FIELD
                    && member.getSimpleName().contentEquals(MAX_PAYLOAD_CAPACITY)
                    && ((VariableElement)member).getConstantValue() instanceof Integer limit)
                {
                    return limit;
                }
            }
        }
        return FALLBACK_MAX_PAYLOAD;
    }
}
