package io.orbit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fixes the size of a variable-size record component: a {@code String} takes at most {@code value}
 * UTF-8 bytes (zero padded; encoding a longer value throws), a primitive array exactly
 * {@code value} elements.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Length
{
    /**
     * @return bytes of a string, or elements of an array; positive.
     */
    int value();
}
