package io.orbit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks source written by the Orbit annotation processor. CLASS retention (unlike
 * {@code javax.annotation.processing.Generated}), so coverage tools such as JaCoCo can skip it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Generated
{
    /**
     * @return the generator's class name.
     */
    String value();
}
