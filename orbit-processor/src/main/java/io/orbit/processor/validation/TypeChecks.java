package io.orbit.processor.validation;

import io.orbit.processor.diagnostic.Message;
import io.orbit.processor.diagnostic.Problem;
import io.orbit.processor.element.KindAnnotation;
import io.orbit.processor.element.RecordElements;
import io.orbit.processor.model.OrbitField;
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
 * against the runtime's limit, {@code @Since} order, the payload capacity and whether this version fits
 * it, type parameters, and whether generated code can reach the record.
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
        if (model != null)
        {
            checkSince(record, model, problems);
            if (model.encodedLength() > maxPayload)
            {
                problems.add(Problem.on(Message.PAYLOAD_TOO_LARGE, record, name, model.encodedLength(), maxPayload));
            }
            else
            {
                checkPayloadCapacity(record, annotation, model, problems);
            }
        }
        return problems;
    }

    /**
     * {@code @Since} values are positive and never decrease along the components.
     */
    private static void checkSince(final TypeElement record, final OrbitType model, final List<Problem> problems)
    {
        int highest = 1;
        OrbitField highestField = null;
        for (int i = 0; i < model.fields().size(); i++)
        {
            final OrbitField field = model.fields().get(i);
            final Element where = backingField(record, i);
            final String qualified = record.getQualifiedName() + "." + field.name();
            if (field.since() < 1)
            {
                problems.add(Problem.on(Message.BAD_SINCE_NOT_POSITIVE, where, qualified, field.since()));
            }
            else if (field.since() < highest)
            {
                problems.add(Problem.on(Message.BAD_SINCE_DECREASING, where, qualified, field.since(), highest, highestField.name()));
            }
            else if (field.since() > highest)
            {
                highest = field.since();
                highestField = field;
            }
        }
    }

    /**
     * A declared payload capacity holds version 1 and stays within the runtime's limit; this version
     * fits the payload capacity.
     */
    private void checkPayloadCapacity(
        final TypeElement record, final KindAnnotation annotation, final OrbitType model, final List<Problem> problems)
    {
        final String name = record.getQualifiedName().toString();
        final long capacity = model.payloadCapacity();
        final String why;
        if (model.payloadCapacityDeclared() && capacity < 0)
        {
            why = "negative (-1 asks for the default)";
        }
        else if (model.payloadCapacityDeclared() && capacity < model.versionOneLength())
        {
            why = "smaller than the " + model.versionOneLength() + " bytes of version 1";
        }
        else if (capacity > maxPayload)
        {
            why = "more than the " + maxPayload + " bytes the Orbit runtime allows in one slot payload"
                + (model.payloadCapacityDeclared() ? "" : " (the default for a version 1 of " + model.versionOneLength() + " bytes)");
        }
        else
        {
            why = null;
        }
        if (why != null)
        {
            problems.add(Problem.onValue(Message.BAD_PAYLOAD_CAPACITY, record, annotation.mirror(),
                annotation.payloadCapacityValue(), capacity, name, why));
            return;
        }
        if (model.encodedLength() <= capacity)
        {
            return;
        }
        // The first component that ends beyond the capacity; the last one when only the end padding does not fit.
        int culprit = model.fields().size() - 1;
        for (int i = 0; i < model.fields().size(); i++)
        {
            if (model.fields().get(i).end() > capacity)
            {
                culprit = i;
                break;
            }
        }
        final OrbitField field = model.fields().get(culprit);
        final String origin = model.payloadCapacityDeclared()
            ? "declared by @OrbitTyped(payloadCapacity)"
            : "the default for a version 1 of " + model.versionOneLength() + " bytes";
        problems.add(Problem.on(Message.PAYLOAD_CAPACITY_EXCEEDED, backingField(record, culprit), name,
            field.name(), field.since(), field.end(), model.layoutVersion(), model.encodedLength(), capacity, origin));
    }

    private static Element backingField(final TypeElement record, final int component)
    {
        return RecordElements.backingField(record, record.getRecordComponents().get(component));
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
