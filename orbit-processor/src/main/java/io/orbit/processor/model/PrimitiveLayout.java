package io.orbit.processor.model;

/**
 * A primitive component.
 *
 * @param primitive the primitive.
 */
public record PrimitiveLayout(Primitive primitive) implements FieldLayout
{
    @Override
    public LayoutKind kind()
    {
        return LayoutKind.PRIMITIVE;
    }

    @Override
    public long size()
    {
        return primitive.size();
    }

    @Override
    public int alignment()
    {
        return primitive.size();
    }

    @Override
    public String signature()
    {
        return primitive.keyword();
    }

    @Override
    public String description()
    {
        return primitive.keyword();
    }
}
