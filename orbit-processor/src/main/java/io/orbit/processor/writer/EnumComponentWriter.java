package io.orbit.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.orbit.processor.model.EnumLayout;

/**
 * An enum component: its ordinal as an unsigned 1, 2 or 4 byte integer; decoded through the codec's
 * {@code EnumOrdinals} constant of that enum (shared by every component of the same enum).
 */
final class EnumComponentWriter implements ComponentWriter
{
    private final Component component;
    private final EnumLayout layout;
    private final String ordinals;

    /**
     * @param component the component.
     * @param layout    its layout.
     * @param ordinals  name of the codec's {@code EnumOrdinals} constant for the enum.
     */
    EnumComponentWriter(final Component component, final EnumLayout layout, final String ordinals)
    {
        this.component = component;
        this.layout = layout;
        this.ordinals = ordinals;
    }

    @Override
    public void validate(final MethodSpec.Builder validate)
    {
        component.requireNonNull(validate);
    }

    @Override
    public void encode(final MethodSpec.Builder encode)
    {
        final CodeBlock index = component.index();
        final CodeBlock ordinal = CodeBlock.of("$L.ordinal()", component.value());
        switch (layout.width())
        {
            case 1 -> encode.addStatement("buffer.putByte($L, (byte)$L)", index, ordinal);
            case 2 -> encode.addStatement("buffer.putShort($L, (short)$L, BYTE_ORDER)", index, ordinal);
            default -> encode.addStatement("buffer.putInt($L, $L, BYTE_ORDER)", index, ordinal);
        }
    }

    @Override
    public void readers(final TypeSpec.Builder codec)
    {
        final CodeBlock index = component.index();
        final CodeBlock ordinal = switch (layout.width())
        {
            case 1 -> CodeBlock.of("buffer.getByte($L) & 0xFF", index);
            case 2 -> CodeBlock.of("buffer.getShort($L, BYTE_ORDER) & 0xFFFF", index);
            default -> CodeBlock.of("buffer.getInt($L, BYTE_ORDER)", index);
        };
        codec.addMethod(component.reader(valueType(), readerCost())
            .addJavadoc("@throws $T when the ordinal names no constant (a corrupt or foreign frame).\n", RuntimeTypes.ORBIT_EXCEPTION)
            .addStatement("return $L.constant($L)", ordinals, ordinal)
            .build());
    }

    @Override
    public TypeName valueType()
    {
        return TypeNames.of(layout.type());
    }

    @Override
    public CodeBlock defaultValue()
    {
        // An enum without constants has no value of ordinal 0 (and no value that could have been stored).
        return layout.constants().isEmpty()
            ? CodeBlock.of("null")
            : CodeBlock.of("$T.$L", TypeNames.of(layout.type()), layout.constants().get(0));
    }

    @Override
    public String readerCost()
    {
        return "allocates nothing";
    }
}
