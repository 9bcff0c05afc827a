package io.orbit.processor.writer;

import com.palantir.javapoet.MethodSpec;
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
}
