package io.orbit.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;

/**
 * The generated code of one record component in {@code XCodec}: one implementation per layout kind
 * (primitive, enum, string, array, nested record), chosen once by {@link CodecWriter}.
 */
interface ComponentWriter
{
    /**
     * Adds the component's checks to {@code validate(value)}; primitives have none.
     *
     * @param validate the codec's {@code validate} method.
     */
    void validate(MethodSpec.Builder validate);

    /**
     * Adds the statements that write the component at {@code offset + <NAME>_OFFSET}.
     *
     * @param encode the codec's {@code encodeValidated} method.
     */
    void encode(MethodSpec.Builder encode);

    /**
     * Adds the component's public static readers.
     *
     * @param codec the codec class.
     */
    void readers(TypeSpec.Builder codec);

    /**
     * @return the Java type of the component, which its readers return.
     */
    TypeName valueType();

    /**
     * @return an expression of the value the component decodes to when a frame lacks it (0,
     * {@code false}, {@code '\0'}, {@code ""}, a zeroed array, the enum constant of ordinal 0, the
     * nested record's {@code defaultValue()}).
     */
    CodeBlock defaultValue();

    /**
     * @return what the component's whole reader allocates, for its javadoc.
     */
    String readerCost();
}
