package io.orbit.processor.model;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 64-bit base layout fingerprint: FNV-1a (offset basis {@code 0xcbf29ce484222325}, prime
 * {@code 0x100000001b3}) over the UTF-8 bytes of a text that lists the version-1 components.
 *
 * <p>The text is one entry {@code signature:offset:size;} per version-1 component (no
 * {@code @Since}, or {@code @Since(1)}) in order, e.g. {@code int:0:4;int:4:4;} for
 * {@code WorkerLoad(int busy, int idle)}. Signatures: the primitive keyword ({@code int}),
 * {@code utf8[n]} for a {@code @Length(n) String}, {@code int[n]} for a {@code @Length(n) int[]},
 * {@code enum8{A,B}} (ordinal width in bits and the constants in ordinal order), and
 * {@code record{...}} with a nested record's component signatures. Component names, type names and
 * package names do not enter, so renaming any of them keeps the fingerprint; components appended in
 * a later version do not enter either, so every version of a record shares its version 1's
 * fingerprint. Moving, resizing, retyping, removing or reordering a version-1 component, or
 * changing an enum's constants, changes it.
 */
public final class Fingerprint
{
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint()
    {
    }

    /**
     * @param fields the laid-out fields of a record, every version.
     * @return the text to hash, as described on the class.
     */
    public static String input(final List<OrbitField> fields)
    {
        final StringBuilder text = new StringBuilder();
        for (final OrbitField field : fields)
        {
            if (!field.versioned())
            {
                text.append(field.bytes()).append(';');
            }
        }
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
}
