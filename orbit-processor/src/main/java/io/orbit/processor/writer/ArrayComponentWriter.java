package io.orbit.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.ArrayLayout;
import io.orbit.processor.model.Primitive;
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

    ArrayComponentWriter(final Component component, final ArrayLayout layout)
    {
        this.component = component;
        this.layout = layout;
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
                .addStatement(BufferAccess.write(layout.element(), element(), CodeBlock.of("$L[i]", value)))
                .endControlFlow();
        }
    }

    @Override
    public void readers(final TypeSpec.Builder codec)
    {
        codec.addMethod(wholeReader());
        codec.addMethod(elementReader());
    }

    private MethodSpec wholeReader()
    {
        final MethodSpec.Builder reader = component.reader(ArrayTypeName.of(TypeNames.of(layout.element())), "allocates the array")
            .addStatement("final $T values = new $T[$L]",
                ArrayTypeName.of(TypeNames.of(layout.element())), TypeNames.of(layout.element()), layout.length());
        if (layout.element() == Primitive.BYTE)
        {
            reader.addStatement("buffer.getBytes($L, values)", component.index());
        }
        else
        {
            reader.beginControlFlow("for (int i = 0; i < $L; i++)", layout.length())
                .addStatement("values[i] = $L", BufferAccess.read(layout.element(), element()))
                .endControlFlow();
        }
        return reader.addStatement("return values").build();
    }

    private MethodSpec elementReader()
    {
        final CodeBlock index = component.index();
        final int size = layout.element().size();
        final CodeBlock element = size == 1
            ? CodeBlock.of("$L + $T.checkIndex(index, $L)", index, Objects.class, layout.length())
            : CodeBlock.of("$L + $T.checkIndex(index, $L) * $L", index, Objects.class, layout.length(), size);
        return MethodSpec.methodBuilder(component.readerName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(TypeNames.of(layout.element()))
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL)
            .addParameter(int.class, "index", Modifier.FINAL)
            .addJavadoc("Reads one element of {@code $L} of an encoded value; allocates nothing.\n\n", component.field().name())
            .addJavadoc("@param buffer holds the encoded value, e.g. {@code view.payload()}.\n")
            .addJavadoc("@param offset where the value starts, 0 in a frame view.\n")
            .addJavadoc("@param index  element index, {@code 0..$L}.\n", layout.length() - 1)
            .addJavadoc("@return the element.\n")
            .addJavadoc("@throws IndexOutOfBoundsException for an index outside the array.\n")
            .addStatement("return $L", BufferAccess.read(layout.element(), element))
            .build();
    }

    /**
     * @return where element {@code i} of the loop starts.
     */
    private CodeBlock element()
    {
        final int size = layout.element().size();
        return size == 1 ? CodeBlock.of("$L + i", component.index()) : CodeBlock.of("$L + i * $L", component.index(), size);
    }
}
