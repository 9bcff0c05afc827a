package io.orbit.runtime.codec;

import io.orbit.runtime.exceptions.OrbitException;

/**
 * The constants of one enum by ordinal, for generated codecs that store an enum component as its
 * ordinal (1, 2 or 4 bytes). Holds its own copy of the constants, since {@code values()} copies the
 * array on every call, so {@link #constant} allocates nothing.
 *
 * @param <E> the enum.
 */
public final class EnumOrdinals<E extends Enum<E>>
{
    private final E[] constants;
    private final Class<E> type;

    private EnumOrdinals(final Class<E> type)
    {
        this.type = type;
        this.constants = type.getEnumConstants();
    }

    /**
     * @param type the enum class.
     * @param <E>  the enum.
     * @return its constants by ordinal; held in a static final of the generated codec.
     */
    public static <E extends Enum<E>> EnumOrdinals<E> of(final Class<E> type)
    {
        return new EnumOrdinals<>(type);
    }

    /**
     * @param ordinal a decoded ordinal.
     * @return the constant with that ordinal.
     * @throws OrbitException when no constant has it: a corrupt frame, or one written by a build whose
     *                        enum has more constants than this one.
     */
    public E constant(final int ordinal)
    {
        if (ordinal < 0 || ordinal >= constants.length)
        {
            throw new OrbitException("ordinal " + ordinal + " is not a constant of " + typeName() + ", which has " +
                constants.length + " constants");
        }
        return constants[ordinal];
    }

    /**
     * @return how many constants the enum has in this build.
     */
    public int count()
    {
        return constants.length;
    }

    private String typeName()
    {
        final String canonical = type.getCanonicalName();
        return canonical != null ? canonical : type.getName();
    }
}
