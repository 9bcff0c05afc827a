package io.orbit.processor.model;

/**
 * How a record component is laid out.
 */
public enum LayoutKind
{
    /** A primitive at its natural size and alignment. */
    PRIMITIVE,
    /** An enum as its ordinal in the smallest unsigned width that fits every constant. */
    ENUM,
    /** A {@code @Length(n) String}: n bytes of UTF-8, zero padded. */
    STRING,
    /** A {@code @Length(n)} primitive array: exactly n elements. */
    ARRAY,
    /** A nested {@code @OrbitTyped} record, inline. */
    RECORD
}
