package io.orbit.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.RecordLayout;

/**
 * A nested {@code @OrbitTyped} record component: delegated to the nested record's own codec at the
 * component's offset.
 */
final class RecordComponentWriter implements ComponentWriter
{
    private final Component component;
    private final RecordLayout layout;
    private final ClassName nestedCodec;

    RecordComponentWriter(final Component component, final RecordLayout layout)
    {
        this.component = component;
        this.layout = layout;
        this.nestedCodec = TypeNames.of(layout.type().codecName());
    }

    @Override
    public void validate(final MethodSpec.Builder validate)
    {
        component.requireNonNull(validate);
        validate.addStatement("$T.validate($L)", nestedCodec, component.value());
    }

    @Override
    public void encode(final MethodSpec.Builder encode)
    {
        encode.addStatement("$T.encodeValidated(buffer, $L, $L)", nestedCodec, component.index(), component.value());
    }

    @Override
    public void readers(final TypeSpec.Builder codec)
    {
        codec.addMethod(component.reader(valueType(), readerCost())
            .addStatement("return $T.decode(buffer, $L)", nestedCodec, component.index())
            .build());
    }

    @Override
    public TypeName valueType()
    {
        return TypeNames.of(layout.type().name());
    }

    @Override
    public CodeBlock defaultValue()
    {
        return CodeBlock.of("$T.defaultValue()", nestedCodec);
    }

    @Override
    public String readerCost()
    {
        return "allocates the nested record";
    }
}
