package io.orbit.processor.model;

/**
 * The eight Java primitives with their encoded size, which is also their alignment.
 */
public enum Primitive
{
    /** One byte, 0 or 1. */
    BOOLEAN("boolean", 1),
    /** One byte. */
    BYTE("byte", 1),
    /** Two bytes, UTF-16 code unit. */
    CHAR("char", 2),
    /** Two bytes. */
    SHORT("short", 2),
    /** Four bytes. */
    INT("int", 4),
    /** Four bytes, IEEE 754. */
    FLOAT("float", 4),
    /** Eight bytes. */
    LONG("long", 8),
    /** Eight bytes, IEEE 754. */
    DOUBLE("double", 8);

    private final String keyword;
    private final int size;

    Primitive(final String keyword, final int size)
    {
        this.keyword = keyword;
        this.size = size;
    }

    /**
     * @return the Java keyword, e.g. {@code int}.
     */
    public String keyword()
    {
        return keyword;
    }

    /**
     * @return encoded bytes, equal to the alignment.
     */
    public int size()
    {
        return size;
    }

    /**
     * @param keyword a Java primitive keyword.
     * @return the primitive.
     * @throws IllegalArgumentException for anything else.
     */
    public static Primitive ofKeyword(final String keyword)
    {
        for (final Primitive primitive : values())
        {
            if (primitive.keyword.equals(keyword))
            {
                return primitive;
            }
        }
        throw new IllegalArgumentException("not a primitive keyword: " + keyword);
    }
}
