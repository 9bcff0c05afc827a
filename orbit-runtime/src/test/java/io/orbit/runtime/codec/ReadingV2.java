package io.orbit.runtime.codec;

/**
 * Version 2 of {@link ReadingV1}: two components appended, as {@code @Since(2) long extra} and
 * {@code @Since(2) @Length(8) String label} would be.
 *
 * @param seq   sequence.
 * @param check {@link Checked#checkOf(long)} of the sequence.
 * @param extra {@link #extraOf(long)} of the sequence, or 0 (the default) in a value written by version 1.
 * @param label {@link #labelOf(long)} of the sequence, or "" (the default) in a value written by version 1.
 */
record ReadingV2(long seq, long check, long extra, String label)
{
    static ReadingV2 of(final long seq)
    {
        return new ReadingV2(seq, Checked.checkOf(seq), extraOf(seq), labelOf(seq));
    }

    static long extraOf(final long seq)
    {
        return seq * 31 + 7;
    }

    static String labelOf(final long seq)
    {
        return "L" + seq % 1_000_000;
    }

    /** Every component as version 2 writes it. */
    boolean intact()
    {
        return check == Checked.checkOf(seq) && extra == extraOf(seq) && label.equals(labelOf(seq));
    }

    /** The version-1 components intact and the appended ones at their defaults: a value version 1 wrote. */
    boolean intactFromVersion1()
    {
        return check == Checked.checkOf(seq) && extra == 0 && label.isEmpty();
    }
}
