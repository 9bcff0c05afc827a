package io.orbit.processor.element;

import io.orbit.processor.diagnostic.Message;
import io.orbit.processor.diagnostic.Problem;
import io.orbit.processor.model.ArrayLayout;
import io.orbit.processor.model.EnumLayout;
import io.orbit.processor.model.FieldLayout;
import io.orbit.processor.model.OrbitType;
import io.orbit.processor.model.Primitive;
import io.orbit.processor.model.PrimitiveLayout;
import io.orbit.processor.model.RecordLayout;
import io.orbit.processor.model.StringLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides the layout of one record component, or why it has none. Type problems win over
 * {@code @Length} problems, so each component gets at most one error.
 */
final class ComponentClassifier
{
    private final Elements elements;
    private final Types types;
    private final ModelBuilder builder;

    ComponentClassifier(final Elements elements, final Types types, final ModelBuilder builder)
    {
        this.elements = elements;
        this.types = types;
        this.builder = builder;
    }

    /**
     * The outcome for one component.
     */
    sealed interface Outcome
    {
    }

    /**
     * @param layout the component's layout.
     */
    record Laid(FieldLayout layout) implements Outcome
    {
    }

    /**
     * @param problem the error, on the component's backing field.
     * @param cycle   the nesting cycle behind it, or null.
     */
    record Failed(Problem problem, String cycle) implements Outcome
    {
    }

    /**
     * @param reason what is not resolved yet.
     */
    record Unresolved(String reason) implements Outcome
    {
    }

    Outcome classify(final TypeElement owner, final RecordComponentElement component)
    {
        final Element field = RecordElements.backingField(owner, component);
        final String where = owner.getQualifiedName() + "." + component.getSimpleName();
        final AnnotationMirror lengthMirror = componentAnnotation(component, field, AnnotationReader.LENGTH);
        final Integer length = lengthMirror == null ? null : AnnotationReader.intValue(explicitValue(lengthMirror));
        if (lengthMirror != null && length == null)
        {
            return new Unresolved("@Length of " + where);
        }
        final TypeMirror type = component.asType();
        if (type.getKind().isPrimitive())
        {
            if (length != null)
            {
                return fail(Message.BAD_LENGTH_NOT_APPLICABLE, field, where, type.toString());
            }
            return new Laid(new PrimitiveLayout(Primitive.ofKeyword(type.getKind().name().toLowerCase(Locale.ROOT))));
        }
        return switch (type.getKind())
        {
            case ARRAY -> classifyArray(field, where, (ArrayType)type, length);
            case DECLARED -> classifyDeclared(field, where, (DeclaredType)type, length);
            case ERROR -> new Unresolved(type + " in " + where);
            case TYPEVAR -> fail(Message.UNSUPPORTED_TYPE_VARIABLE, field, where, type.toString());
            default -> fail(Message.UNSUPPORTED_OTHER, field, where, type.toString());
        };
    }

    private Outcome classifyArray(final Element field, final String where, final ArrayType type, final Integer length)
    {
        final TypeMirror element = type.getComponentType();
        if (element.getKind() == TypeKind.ERROR)
        {
            return new Unresolved(element + " in " + where);
        }
        if (!element.getKind().isPrimitive())
        {
            return fail(Message.UNSUPPORTED_ARRAY, field, where, types.erasure(type).toString());
        }
        if (length == null)
        {
            return fail(Message.BAD_LENGTH_MISSING, field, where, type.toString());
        }
        if (length <= 0)
        {
            return fail(Message.BAD_LENGTH_NOT_POSITIVE, field, where, length);
        }
        return new Laid(new ArrayLayout(Primitive.ofKeyword(element.getKind().name().toLowerCase(Locale.ROOT)), length));
    }

    private Outcome classifyDeclared(final Element field, final String where, final DeclaredType type, final Integer length)
    {
        final TypeElement element = (TypeElement)types.asElement(type);
        final String name = element.getQualifiedName().toString();
        if ("java.lang.String".equals(name))
        {
            if (length == null)
            {
                return fail(Message.UNSUPPORTED_STRING, field, where);
            }
            return length <= 0 ? fail(Message.BAD_LENGTH_NOT_POSITIVE, field, where, length) : new Laid(new StringLayout(length));
        }
        if (element.getKind() == ElementKind.ENUM)
        {
            return length != null ? fail(Message.BAD_LENGTH_NOT_APPLICABLE, field, where, name) : new Laid(enumLayout(element));
        }
        if (element.getKind() == ElementKind.RECORD)
        {
            if (AnnotationReader.find(element, AnnotationReader.ORBIT_TYPED) == null)
            {
                return fail(Message.UNSUPPORTED_PLAIN_RECORD, field, where, name);
            }
            return length != null ? fail(Message.BAD_LENGTH_NOT_APPLICABLE, field, where, name) : nested(field, where, element);
        }
        final String primitive = unboxed(type);
        if (primitive != null)
        {
            return fail(Message.UNSUPPORTED_BOXED, field, where, name, primitive);
        }
        if (isA(type, "java.util.Collection") || isA(type, "java.util.Map"))
        {
            return fail(Message.UNSUPPORTED_COLLECTION, field, where, types.erasure(type).toString());
        }
        return fail(Message.UNSUPPORTED_OTHER, field, where, types.erasure(type).toString());
    }

    private Outcome nested(final Element field, final String where, final TypeElement record)
    {
        final String name = record.getQualifiedName().toString();
        final String cycle = builder.cycleThrough(name);
        if (cycle != null)
        {
            return new Failed(Problem.on(Message.UNSUPPORTED_CYCLE, field, where, cycle), cycle);
        }
        final BuildResult result = builder.build(record);
        if (result instanceof BuildResult.Deferred deferred)
        {
            return new Unresolved(deferred.reason());
        }
        if (result instanceof BuildResult.Invalid invalid)
        {
            if (invalid.cycle() != null)
            {
                return new Failed(Problem.on(Message.UNSUPPORTED_CYCLE, field, where, invalid.cycle()), invalid.cycle());
            }
            return fail(Message.UNSUPPORTED_NESTED_INVALID, field, where, name, invalid.reason());
        }
        final OrbitType nested = ((BuildResult.Built)result).type();
        if (nested.encodedLength() > builder.maxPayload())
        {
            return fail(Message.UNSUPPORTED_NESTED_INVALID, field, where, name,
                "it encodes to " + nested.encodedLength() + " bytes, more than " + builder.maxPayload());
        }
        if (!builder.willBeGenerated(elements.getBinaryName(record).toString())
            && elements.getTypeElement(nested.codecName().qualifiedName()) == null)
        {
            return fail(Message.UNSUPPORTED_NESTED_WITHOUT_CODEC, field, where, name, nested.codecName().qualifiedName());
        }
        return new Laid(new RecordLayout(nested));
    }

    private EnumLayout enumLayout(final TypeElement type)
    {
        final List<String> constants = new ArrayList<>();
        for (final Element member : type.getEnclosedElements())
        {
            if (member.getKind() == ElementKind.ENUM_CONSTANT)
            {
                constants.add(member.getSimpleName().toString());
            }
        }
        return new EnumLayout(JavaNames.of(elements, type), constants);
    }

    private String unboxed(final DeclaredType type)
    {
        try
        {
            return types.unboxedType(type).getKind().name().toLowerCase(Locale.ROOT);
        }
        catch (final IllegalArgumentException notBoxed)
        {
            return null;
        }
    }

    private boolean isA(final TypeMirror type, final String supertype)
    {
        final TypeElement element = elements.getTypeElement(supertype);
        return element != null && types.isAssignable(types.erasure(type), types.erasure(element.asType()));
    }

    /**
     * @param owner     the record.
     * @param component one of its components.
     * @return its {@code @Since} value, 1 without one, or null while the value is not resolved.
     */
    static Integer since(final TypeElement owner, final RecordComponentElement component)
    {
        final AnnotationMirror since =
            componentAnnotation(component, RecordElements.backingField(owner, component), AnnotationReader.SINCE);
        return since == null ? Integer.valueOf(1) : AnnotationReader.intValue(explicitValue(since));
    }

    private static AnnotationMirror componentAnnotation(
        final RecordComponentElement component, final Element field, final String annotation)
    {
        // @Length and @Since target the component and the field; a record read from a class file keeps them on both.
        final AnnotationMirror onComponent = AnnotationReader.find(component, annotation);
        return onComponent != null ? onComponent : AnnotationReader.find(field, annotation);
    }

    private static AnnotationValue explicitValue(final AnnotationMirror mirror)
    {
        return AnnotationReader.explicit(mirror, "value");
    }

    private static Failed fail(final Message message, final Element field, final Object... args)
    {
        return new Failed(Problem.on(message, field, args), null);
    }
}
