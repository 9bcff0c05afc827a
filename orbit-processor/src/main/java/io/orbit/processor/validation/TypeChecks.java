package io.orbit.processor.validation;

import io.orbit.processor.diagnostic.Message;
import io.orbit.processor.diagnostic.Problem;
import io.orbit.processor.element.KindAnnotation;
import io.orbit.processor.model.OrbitType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks of one {@code @OrbitTyped} record that do not depend on other types: capacity, payload size
 * against the runtime's limit, type parameters, and whether generated code can reach the record.
 */
public final class TypeChecks
{
    private final Elements elements;
    private final int maxPayload;

    /**
     * @param elements   javac's element utilities.
     * @param maxPayload the runtime's slot payload limit.
     */
    public TypeChecks(final Elements elements, final int maxPayload)
    {
        this.elements = elements;
        this.maxPayload = maxPayload;
    }

    /**
     * @param record     the record.
     * @param annotation its {@code @OrbitTyped} values.
     * @param model      its model, or null when its components have no valid layout.
     * @return every problem found.
     */
    public List<Problem> check(final TypeElement record, final KindAnnotation annotation, final OrbitType model)
    {
        final List<Problem> problems = new ArrayList<>();
        final String name = record.getQualifiedName().toString();
        final int capacity = annotation.capacity();
        if (capacity <= 0 || Integer.bitCount(capacity) != 1)
        {
            problems.add(Problem.onValue(
                Message.BAD_CAPACITY, record, annotation.mirror(), annotation.capacityValue(), capacity, name));
        }
        if (!record.getTypeParameters().isEmpty())
        {
            problems.add(Problem.on(Message.UNSUPPORTED_GENERIC_RECORD, record, name));
        }
        final String unreachable = unreachable(record);
        if (unreachable != null)
        {
            problems.add(Problem.on(Message.INACCESSIBLE_TYPE, record, name, unreachable,
                elements.getPackageOf(record).getQualifiedName()));
        }
        if (model != null && model.encodedLength() > maxPayload)
        {
            problems.add(Problem.on(Message.PAYLOAD_TOO_LARGE, record, name, model.encodedLength(), maxPayload));
        }
        return problems;
    }

    private static String unreachable(final TypeElement record)
    {
        if (record.getNestingKind() == NestingKind.LOCAL || record.getNestingKind() == NestingKind.ANONYMOUS)
        {
            return "a local type";
        }
        Element current = record;
        while (current instanceof TypeElement type)
        {
            if (type.getModifiers().contains(Modifier.PRIVATE))
            {
                return type == record ? "private" : "inside private " + type.getQualifiedName();
            }
            current = type.getEnclosingElement();
        }
        return null;
    }
}
