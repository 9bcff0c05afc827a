package io.orbit.processor.writer;

import com.palantir.javapoet.MethodSpec;
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
        codec.addMethod(component.reader(TypeNames.of(layout.primitive()), "allocates nothing")
            .addStatement("return $L", BufferAccess.read(layout.primitive(), component.index()))
            .build());
    }
}
