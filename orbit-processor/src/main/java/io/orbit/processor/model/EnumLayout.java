package io.orbit.processor.model;

import java.util.List;

/**
 * An enum component, encoded as its ordinal: unsigned 8 bits up to 256 constants, 16 bits up to
 * 65 536, else 32 bits. The alignment equals the width.
 *
 * @param type      the enum type.
 * @param constants the constant names in ordinal order; they enter the signature.
 */
public record EnumLayout(JavaName type, List<String> constants) implements FieldLayout
{
    /**
     * Copies the constant list.
     */
    public EnumLayout
    {
        constants = List.copyOf(constants);
    }

    /**
     * @return bytes of the ordinal: 1, 2 or 4.
     */
    public int width()
    {
        final int count = constants.size();
        if (count <= 1 << 8)
        {
            return 1;
        }
        return count <= 1 << 16 ? 2 : 4;
    }

    @Override
    public LayoutKind kind()
    {
        return LayoutKind.ENUM;
    }

    @Override
    public long size()
    {
        return width();
    }

    @Override
    public int alignment()
    {
        return width();
    }

    /**
     * @return {@code enum8}, {@code enum16} or {@code enum32} with the constants in ordinal order,
     * e.g. {@code enum8{QUEUED,RUNNING}}: the constants give the ordinals their meaning, so adding,
     * removing, renaming or reordering one changes the signature.
     */
    @Override
    public String signature()
    {
        return "enum" + (width() * 8) + "{" + String.join(",", constants) + "}";
    }

    @Override
    public String description()
    {
        return type.simpleName() + " (u" + (width() * 8) + " ordinal)";
    }
}
