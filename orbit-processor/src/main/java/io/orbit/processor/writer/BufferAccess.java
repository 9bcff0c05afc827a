package io.orbit.processor.writer;

import com.palantir.javapoet.CodeBlock;
import io.orbit.processor.model.Primitive;

/**
 * The Agrona calls that read and write one primitive, little-endian through the codec's
 * {@code BYTE_ORDER} constant (a static final the JIT folds).
 */
final class BufferAccess
{
    private BufferAccess()
    {
    }

    /**
     * @param primitive the primitive.
     * @param index     byte index expression.
     * @return an expression reading it from {@code buffer}.
     */
    static CodeBlock read(final Primitive primitive, final CodeBlock index)
    {
        return switch (primitive)
        {
            case BOOLEAN -> CodeBlock.of("buffer.getByte($L) != 0", index);
            case BYTE -> CodeBlock.of("buffer.getByte($L)", index);
            default -> CodeBlock.of("buffer.get$L($L, BYTE_ORDER)", suffix(primitive), index);
        };
    }

    /**
     * @param primitive the primitive.
     * @param index     byte index expression.
     * @param value     value expression.
     * @return a statement (without semicolon) writing it into {@code buffer}.
     */
    static CodeBlock write(final Primitive primitive, final CodeBlock index, final CodeBlock value)
    {
        return switch (primitive)
        {
            case BOOLEAN -> CodeBlock.of("buffer.putByte($L, (byte)($L ? 1 : 0))", index, value);
            case BYTE -> CodeBlock.of("buffer.putByte($L, $L)", index, value);
            default -> CodeBlock.of("buffer.put$L($L, $L, BYTE_ORDER)", suffix(primitive), index, value);
        };
    }

    private static String suffix(final Primitive primitive)
    {
        final String keyword = primitive.keyword();
        return Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1);
    }
}
