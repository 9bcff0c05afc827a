package io.orbit.processor.model;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 64-bit layout fingerprint: FNV-1a (offset basis {@code 0xcbf29ce484222325}, prime
 * {@code 0x100000001b3}) over the UTF-8 bytes of a text that lists the layout.
 *
 * <p>The text is, first, one entry {@code name:type:offset:size;} per field in layout order, where a
 * nested record's entry ({@code type} = {@code record}) is followed by its own fields with dotted
 * names ({@code pos.x}) and offsets from the start of the outermost record; then one entry
 * {@code name=CONST_A,CONST_B;} per enum field in the same order. Type tokens: the primitive keyword
 * ({@code int}), {@code enum8}/{@code enum16}/{@code enum32} (ordinal width in bits),
 * {@code utf8[n]} for a {@code @Length(n) String}, {@code int[n]} for a {@code @Length(n) int[]},
 * {@code record} for a nested record. Example: {@code busy:int:0:4;idle:int:4:4;}. Type and package
 * names do not enter, so renaming a type keeps its fingerprint; renaming a field or an enum
 * constant, or moving or resizing anything, changes it.
 */
public final class Fingerprint
{
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint()
    {
    }

    /**
     * @param fields the laid-out fields of a record.
     * @return the text to hash, as described on the class.
     */
    public static String input(final List<OrbitField> fields)
    {
        final StringBuilder text = new StringBuilder();
        appendFields(text, fields, "", 0);
        appendEnums(text, fields, "");
        return text.toString();
    }

    /**
     * @param text text to hash.
     * @return 64-bit FNV-1a of its UTF-8 bytes.
     */
    public static long fnv1a64(final String text)
    {
        long hash = OFFSET_BASIS;
        for (final byte b : text.getBytes(StandardCharsets.UTF_8))
        {
            hash ^= b & 0xFF;
            hash *= PRIME;
        }
        return hash;
    }

    private static void appendFields(
        final StringBuilder text, final List<OrbitField> fields, final String prefix, final long base)
    {
        for (final OrbitField field : fields)
        {
            final String path = prefix + field.name();
            final long offset = base + field.offset();
            text.append(path).append(':').append(field.layout().token()).append(':')
                .append(offset).append(':').append(field.size()).append(';');
            if (field.layout() instanceof RecordLayout nested)
            {
                appendFields(text, nested.type().fields(), path + ".", offset);
            }
        }
    }

    private static void appendEnums(final StringBuilder text, final List<OrbitField> fields, final String prefix)
    {
        for (final OrbitField field : fields)
        {
            final String path = prefix + field.name();
            if (field.layout() instanceof EnumLayout enumLayout)
            {
                text.append(path).append('=').append(String.join(",", enumLayout.constants())).append(';');
            }
            else if (field.layout() instanceof RecordLayout nested)
            {
                appendEnums(text, nested.type().fields(), path + ".");
            }
        }
    }
}
