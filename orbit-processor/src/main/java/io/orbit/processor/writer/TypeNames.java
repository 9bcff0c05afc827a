package io.orbit.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.orbit.processor.model.ArrayLayout;
import io.orbit.processor.model.EnumLayout;
import io.orbit.processor.model.FieldLayout;
import io.orbit.processor.model.JavaName;
import io.orbit.processor.model.Primitive;
import io.orbit.processor.model.PrimitiveLayout;
import io.orbit.processor.model.RecordLayout;
import io.orbit.processor.model.StringLayout;

/**
 * Maps model names and layouts to JavaPoet type names.
 */
final class TypeNames
{
    private TypeNames()
    {
    }

    static ClassName of(final JavaName name)
    {
        final String[] nested = name.simpleNames().subList(1, name.simpleNames().size()).toArray(new String[0]);
        return ClassName.get(name.packageName(), name.simpleNames().get(0), nested);
    }

    static TypeName of(final Primitive primitive)
    {
        return switch (primitive)
        {
            case BOOLEAN -> TypeName.BOOLEAN;
            case BYTE -> TypeName.BYTE;
            case CHAR -> TypeName.CHAR;
            case SHORT -> TypeName.SHORT;
            case INT -> TypeName.INT;
            case FLOAT -> TypeName.FLOAT;
            case LONG -> TypeName.LONG;
            case DOUBLE -> TypeName.DOUBLE;
        };
    }

    /**
     * @param layout a field layout.
     * @return the Java type of the record component.
     */
    static TypeName of(final FieldLayout layout)
    {
        if (layout instanceof PrimitiveLayout primitive)
        {
            return of(primitive.primitive());
        }
        if (layout instanceof EnumLayout enumLayout)
        {
            return of(enumLayout.type());
        }
        if (layout instanceof StringLayout)
        {
            return ClassName.get(String.class);
        }
        if (layout instanceof ArrayLayout array)
        {
            return ArrayTypeName.of(of(array.element()));
        }
        return of(((RecordLayout)layout).type().name());
    }
}
