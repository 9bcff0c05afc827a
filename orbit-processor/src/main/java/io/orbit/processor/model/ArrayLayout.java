package io.orbit.processor.model;

/**
 * A {@code @Length(n)} primitive array: exactly n elements, aligned like one element.
 *
 * @param element the element primitive.
 * @param length  n, positive.
 */
public record ArrayLayout(Primitive element, int length) implements FieldLayout
{
    @Override
    public LayoutKind kind()
    {
        return LayoutKind.ARRAY;
    }

    @Override
    public long size()
    {
        return (long)element.size() * length;
    }

    @Override
    public int alignment()
    {
        return element.size();
    }

    @Override
    public String signature()
    {
        return element.keyword() + "[" + length + "]";
    }

    @Override
    public String description()
    {
        return element.keyword() + "[" + length + "]";
    }
}
