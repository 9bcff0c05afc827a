package io.orbit.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.StringLayout;

/**
 * A {@code @Length(n) String} component: UTF-8 in exactly {@code n} zero-padded bytes, through the
 * runtime's {@code FixedUtf8}, so a fix there reaches every codec without regenerating it.
 */
final class StringComponentWriter implements ComponentWriter
{
    private final Component component;
    private final StringLayout layout;

    StringComponentWriter(final Component component, final StringLayout layout)
    {
        this.component = component;
        this.layout = layout;
    }

    @Override
    public void validate(final MethodSpec.Builder validate)
    {
        component.requireNonNull(validate);
        validate.addStatement("$T.validate($L, $L, $S)",
            RuntimeTypes.FIXED_UTF8, component.value(), layout.length(), component.qualifiedName());
    }

    @Override
    public void encode(final MethodSpec.Builder encode)
    {
        encode.addStatement("$T.put(buffer, $L, $L, $L)",
            RuntimeTypes.FIXED_UTF8, component.index(), component.value(), layout.length());
    }

    @Override
    public void readers(final TypeSpec.Builder codec)
    {
        codec.addMethod(component.reader(valueType(), readerCost())
            .addStatement("return $T.get(buffer, $L, $L)", RuntimeTypes.FIXED_UTF8, component.index(), layout.length())
            .build());
    }

    @Override
    public TypeName valueType()
    {
        return ClassName.get(String.class);
    }

    @Override
    public CodeBlock defaultValue()
    {
        return CodeBlock.of("$S", "");
    }

    @Override
    public String readerCost()
    {
        return "allocates the string, which ends at the first zero byte";
    }
}
