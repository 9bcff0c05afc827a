package io.orbit.processor.model;

/**
 * A {@code @Length(n) String}: at most n bytes of UTF-8, zero padded; decoding stops at the first
 * zero byte. Alignment 1.
 *
 * @param length n, positive.
 */
public record StringLayout(int length) implements FieldLayout
{
    @Override
    public LayoutKind kind()
    {
        return LayoutKind.STRING;
    }

    @Override
    public long size()
    {
        return length;
    }

    @Override
    public int alignment()
    {
        return 1;
    }

    @Override
    public String signature()
    {
        return "utf8[" + length + "]";
    }

    @Override
    public String description()
    {
        return "String (UTF-8, " + length + " bytes)";
    }
}
