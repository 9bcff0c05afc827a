package io.orbit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as a contest subject namespace: claims on subjects of this type never
 * compete with claims on subjects of another contest type. Checked for duplicates like KINDs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ContestType
{
    /**
     * @return the namespace number, 1..255.
     */
    int kind();
}
