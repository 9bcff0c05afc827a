package io.orbit.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.PrimitiveLayout;

/**
 * A primitive component: one little-endian Agrona access; a {@code boolean} is one byte, 0 or 1.
 */
final class PrimitiveComponentWriter implements ComponentWriter
{
    private final Component component;
    private final PrimitiveLayout layout;

    PrimitiveComponentWriter(final Component component, final PrimitiveLayout layout)
    {
        this.component = component;
        this.layout = layout;
    }

    @Override
    public void validate(final MethodSpec.Builder validate)
    {
        // every primitive value is encodable
    }

    @Override
    public void encode(final MethodSpec.Builder encode)
    {
        encode.addStatement(BufferAccess.write(layout.primitive(), component.index(), component.value()));
    }

    @Override
    public void readers(final TypeSpec.Builder codec)
    {
        codec.addMethod(component.reader(valueType(), readerCost())
            .addStatement("return $L", BufferAccess.read(layout.primitive(), component.index()))
            .build());
    }

    @Override
    public TypeName valueType()
    {
        return TypeNames.of(layout.primitive());
    }

    @Override
    public CodeBlock defaultValue()
    {
        return switch (layout.primitive())
        {
            case BOOLEAN -> CodeBlock.of("false");
            case BYTE -> CodeBlock.of("(byte)0");
            case CHAR -> CodeBlock.of("'\\0'");
            case SHORT -> CodeBlock.of("(short)0");
            case INT -> CodeBlock.of("0");
            case LONG -> CodeBlock.of("0L");
            case FLOAT -> CodeBlock.of("0.0f");
            case DOUBLE -> CodeBlock.of("0.0");
        };
    }

    @Override
    public String readerCost()
    {
        return "allocates nothing";
    }
}
