package io.orbit.runtime.codec;

/**
 * Version 1 of the record of the versioned-ring tests: a sequence and a check word derived from it,
 * so a torn value is recognisable. {@link ReadingV2} is the same record one release later.
 *
 * @param seq   sequence.
 * @param check {@link Checked#checkOf(long)} of the sequence.
 */
record ReadingV1(long seq, long check)
{
    static ReadingV1 of(final long seq)
    {
        return new ReadingV1(seq, Checked.checkOf(seq));
    }

    boolean intact()
    {
        return check == Checked.checkOf(seq);
    }
}
