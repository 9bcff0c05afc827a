package io.orbit.runtime.codec;

import io.orbit.runtime.exceptions.PayloadTooLargeException;
import io.orbit.runtime.exceptions.InvalidValueException;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The {@code @Length(n) String} field of generated codecs: UTF-8 in exactly {@code n} bytes, zero
 * padded; a reader stops at the first zero byte or after {@code n} bytes.
 *
 * <p>A string is written whole or not at all: {@link #validate} refuses one whose UTF-8 form is longer
 * than the field (nothing is ever truncated, so no code point is ever split), and one holding U+0000,
 * which the zero padding could not tell from the end. Bytes are those of
 * {@code value.getBytes(UTF_8)}: a lone surrogate becomes {@code '?'} (one byte).
 *
 * <p>{@link #encodedLength}, {@link #validate} (when it accepts) and {@link #put} allocate nothing;
 * Agrona's {@code putStringWithoutLengthUtf8} would allocate a byte array per call.
 */
public final class FixedUtf8
{
    private FixedUtf8()
    {
    }

    /**
     * UTF-8 bytes of a string as {@link #put} writes them, counted without allocating.
     *
     * @param value a string.
     * @return its UTF-8 length; a lone surrogate counts one byte, like the {@code '?'} written for it.
     */
    public static int encodedLength(final String value)
    {
        int length = 0;
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c < 0x80)
            {
                length += 1;
            }
            else if (c < 0x800)
            {
                length += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))
            {
                length += 4;
                i++;
            }
            else if (Character.isSurrogate(c))
            {
                length += 1;
            }
            else
            {
                length += 3;
            }
        }
        return length;
    }

    /**
     * Checks that a non-null string fits a field of {@code length} bytes.
     *
     * @param value     the string, not null.
     * @param length    the field's {@code @Length} in bytes.
     * @param component the component's qualified name for messages, e.g. {@code com.example.Job.name}.
     * @throws InvalidValueException  when the string holds U+0000.
     * @throws PayloadTooLargeException when its UTF-8 form is longer than {@code length} bytes.
     */
    public static void validate(final String value, final int length, final String component)
    {
        if (value.indexOf(0) >= 0)
        {
            throw new InvalidValueException(component + " holds U+0000, which the zero padding cannot represent");
        }
        final int encoded = encodedLength(value);
        if (encoded > length)
        {
            throw new PayloadTooLargeException(
                component + " takes " + encoded + " UTF-8 bytes, more than its @Length(" + length + ")");
        }
    }

    /**
     * Writes a string that {@link #validate} accepted as UTF-8 and zero-pads it to {@code length} bytes.
     *
     * @param buffer the buffer.
     * @param index  where the field starts.
     * @param value  a validated string.
     * @param length the field's size in bytes.
     */
    public static void put(final MutableDirectBuffer buffer, final int index, final String value, final int length)
    {
        int position = index;
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c < 0x80)
            {
                buffer.putByte(position++, (byte)c);
            }
            else if (c < 0x800)
            {
                buffer.putByte(position++, (byte)(0xC0 | (c >> 6)));
                buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))
            {
                final int codePoint = Character.toCodePoint(c, value.charAt(++i));
                buffer.putByte(position++, (byte)(0xF0 | (codePoint >> 18)));
                buffer.putByte(position++, (byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                buffer.putByte(position++, (byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                buffer.putByte(position++, (byte)(0x80 | (codePoint & 0x3F)));
            }
            else if (Character.isSurrogate(c))
            {
                buffer.putByte(position++, (byte)'?');
            }
            else
            {
                buffer.putByte(position++, (byte)(0xE0 | (c >> 12)));
                buffer.putByte(position++, (byte)(0x80 | ((c >> 6) & 0x3F)));
                buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
            }
        }
        buffer.setMemory(position, index + length - position, (byte)0);
    }

    /**
     * Reads a zero-padded UTF-8 string of at most {@code length} bytes; allocates the string.
     *
     * @param buffer the buffer.
     * @param index  where the field starts.
     * @param length the field's size in bytes.
     * @return the string up to the first zero byte, or all {@code length} bytes when none is zero.
     */
    public static String get(final DirectBuffer buffer, final int index, final int length)
    {
        int end = 0;
        while (end < length && buffer.getByte(index + end) != 0)
        {
            end++;
        }
        return buffer.getStringWithoutLengthUtf8(index, end);
    }
}
