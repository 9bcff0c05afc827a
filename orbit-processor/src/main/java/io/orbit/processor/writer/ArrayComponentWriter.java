package io.orbit.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.ArrayLayout;
import io.orbit.processor.model.Primitive;
import io.orbit.processor.model.PrimitiveLayout;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * A {@code @Length(n)} primitive array component: {@code n} elements back to back, little-endian;
 * read whole (allocating) or one element at a time (allocating nothing).
 */
final class ArrayComponentWriter implements ComponentWriter
{
    private final Component component;
    private final ArrayLayout layout;
    private final CodeBlock elementDefault;

    ArrayComponentWriter(final Component component, final ArrayLayout layout)
    {
        this.component = component;
        this.layout = layout;
        this.elementDefault = new PrimitiveComponentWriter(component, new PrimitiveLayout(layout.element())).defaultValue();
    }

    @Override
    public void validate(final MethodSpec.Builder validate)
    {
        final CodeBlock value = component.value();
        component.requireNonNull(validate);
        validate.beginControlFlow("if ($L.length != $L)", value, layout.length())
            .addStatement("throw new $T($S$W+ $L.length$W+ $S)", RuntimeTypes.FRAME_TOO_LARGE,
                component.qualifiedName() + " has ", value, " elements, but its @Length is " + layout.length())
            .endControlFlow();
    }

    @Override
    public void encode(final MethodSpec.Builder encode)
    {
        final CodeBlock value = component.value();
        if (layout.element() == Primitive.BYTE)
        {
            encode.addStatement("buffer.putBytes($L, $L)", component.index(), value);
        }
        else
        {
            encode.beginControlFlow("for (int i = 0; i < $L; i++)", layout.length())
                .addStatement(BufferAccess.write(layout.element(), element(CodeBlock.of("i")), CodeBlock.of("$L[i]", value)))
                .endControlFlow();
        }
    }

    @Override
    public void readers(final TypeSpec.Builder codec)
    {
        codec.addMethod(wholeReader());
        codec.addMethod(component.field().versioned() ? presentElementReader() : elementReader());
    }

    @Override
    public TypeName valueType()
    {
        return ArrayTypeName.of(TypeNames.of(layout.element()));
    }

    @Override
    public CodeBlock defaultValue()
    {
        return CodeBlock.of("new $T[$L]", TypeNames.of(layout.element()), layout.length());
    }

    @Override
    public String readerCost()
    {
        return "allocates the array";
    }

    private MethodSpec wholeReader()
    {
        final MethodSpec.Builder reader = component.reader(valueType(), readerCost())
            .addStatement("final $T values = new $T[$L]",
                ArrayTypeName.of(TypeNames.of(layout.element())), TypeNames.of(layout.element()), layout.length());
        if (layout.element() == Primitive.BYTE)
        {
            reader.addStatement("buffer.getBytes($L, values)", component.index());
        }
        else
        {
            reader.beginControlFlow("for (int i = 0; i < $L; i++)", layout.length())
                .addStatement("values[i] = $L", BufferAccess.read(layout.element(), element(CodeBlock.of("i"))))
                .endControlFlow();
        }
        return reader.addStatement("return values").build();
    }

    private MethodSpec elementReader()
    {
        return elementReaderBuilder(false)
            .addStatement("return $L", BufferAccess.read(layout.element(), element(checkedIndex())))
            .build();
    }

    /**
     * The element reader of a component added after version 1: {@code name(buffer, offset, length, index)},
     * because {@code name(buffer, offset, length)} is its whole reader for frames of any version.
     */
    private MethodSpec presentElementReader()
    {
        return elementReaderBuilder(true)
            .addStatement("final int checked = $L", checkedIndex())
            .addStatement("return $L(length) ? $L : $L", component.presenceName(),
                BufferAccess.read(layout.element(), element(CodeBlock.of("checked"))), elementDefault)
            .build();
    }

    private CodeBlock checkedIndex()
    {
        return CodeBlock.of("$T.checkIndex(index, $L)", Objects.class, layout.length());
    }

    /**
     * @param index element index expression.
     * @return where that element starts.
     */
    private CodeBlock element(final CodeBlock index)
    {
        final int size = layout.element().size();
        return size == 1
            ? CodeBlock.of("$L + $L", component.index(), index)
            : CodeBlock.of("$L + $L * $L", component.index(), index, size);
    }

    private MethodSpec.Builder elementReaderBuilder(final boolean withLength)
    {
        final MethodSpec.Builder reader = MethodSpec.methodBuilder(component.readerName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(TypeNames.of(layout.element()))
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL);
        if (withLength)
        {
            reader.addParameter(int.class, "length", Modifier.FINAL);
        }
        reader.addParameter(int.class, "index", Modifier.FINAL)
            .addJavadoc("Reads one element of {@code $L} of an encoded value; allocates nothing.\n\n", component.field().name())
            .addJavadoc("@param buffer holds the encoded value, e.g. {@code view.payload()}.\n")
            .addJavadoc("@param offset where the value starts, 0 in a frame view.\n");
        if (withLength)
        {
            reader.addJavadoc("@param length the frame's payload length; a frame of a version before $L lacks {@code $L},\n",
                    component.field().since(), component.field().name())
                .addJavadoc("              whose elements then read as $L.\n",
                    elementDefault);
        }
        return reader.addJavadoc("@param index  element index, {@code 0..$L}.\n", layout.length() - 1)
            .addJavadoc("@return the element.\n")
            .addJavadoc("@throws IndexOutOfBoundsException for an index outside the array.\n");
    }
}
