package io.orbit.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.orbit.processor.model.OrbitField;
import javax.lang.model.element.Modifier;

/**
 * One record component as the codec's component writers see it: its model and the names the codec
 * gave its offset constant and reader.
 *
 * @param field        the component's model.
 * @param offsetName   its {@code <NAME>_OFFSET} constant.
 * @param readerName   its static reader method.
 * @param presenceName its static {@code hasX(length)} method, or null for a version-1 component.
 * @param recordName   the record's qualified name, for messages.
 */
record Component(OrbitField field, String offsetName, String readerName, String presenceName, String recordName)
{
    /**
     * @return {@code offset + <NAME>_OFFSET}: where the component starts.
     */
    CodeBlock index()
    {
        return CodeBlock.of("offset + $L", offsetName);
    }

    /**
     * @return {@code value.<name>()}: the component of the value being validated or encoded.
     */
    CodeBlock value()
    {
        return CodeBlock.of("value.$L()", field.name());
    }

    /**
     * @return {@code com.example.Record.name}, as messages name the component.
     */
    String qualifiedName()
    {
        return recordName + "." + field.name();
    }

    /**
     * Adds the null check every reference-typed component starts its validation with.
     *
     * @param validate the codec's {@code validate} method.
     */
    void requireNonNull(final MethodSpec.Builder validate)
    {
        validate.beginControlFlow("if ($L == null)", value())
            .addStatement("throw new $T($S)", RuntimeTypes.INVALID_VALUE, qualifiedName() + " is null")
            .endControlFlow();
    }

    /**
     * @param returns the reader's return type.
     * @param cost    what the reader allocates, for its javadoc.
     * @return a public static {@code name(DirectBuffer buffer, int offset)} reader with its javadoc.
     */
    MethodSpec.Builder reader(final TypeName returns, final String cost)
    {
        return MethodSpec.methodBuilder(readerName)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(returns)
            .addParameter(RuntimeTypes.DIRECT_BUFFER, "buffer", Modifier.FINAL)
            .addParameter(int.class, "offset", Modifier.FINAL)
            .addJavadoc("Reads {@code $L} of an encoded value; $L.\n\n", field.name(), cost)
            .addJavadoc("@param buffer holds the encoded value, e.g. {@code view.payload()}.\n")
            .addJavadoc("@param offset where the value starts, 0 in a frame view.\n")
            .addJavadoc("@return the field.\n");
    }
}
