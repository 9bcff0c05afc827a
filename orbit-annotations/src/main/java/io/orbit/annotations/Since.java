package io.orbit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The layout version that added a component to an {@link OrbitTyped} record, so that processes of
 * the old and the new version share one ring during a rolling upgrade.
 *
 * <p>Rules (checked by the annotation processor):
 * <ul>
 *   <li>A published record grows only by appending components at the end; each appended component
 *       carries {@code @Since(n)} with {@code n} higher than every earlier component's version.</li>
 *   <li>Components without {@code @Since} are version 1; {@code @Since(1)} says the same.</li>
 *   <li>Values are positive and never decrease along the component list.</li>
 *   <li>The record's layout version is the highest {@code @Since} (1 if none).</li>
 *   <li>Every version must fit the ring's {@link OrbitTyped#payloadCapacity() payload capacity},
 *       which is fixed by version 1.</li>
 *   <li>Renaming a component is free; reordering, removing, changing a type or a {@link Length}
 *       or changing a component's {@code @Since} is incompatible.</li>
 * </ul>
 *
 * <p>A reader of a frame written by an older version gets the default for every component that
 * frame lacks: 0 for numbers, {@code false}, {@code '\0'}, {@code ""} for a string, a zeroed array
 * of the declared {@link Length}, the enum constant of ordinal 0, and a nested record whose
 * components are defaulted the same way. A reader of an older version reads a newer frame by the
 * prefix it knows.
 *
 * <pre>{@code
 * @OrbitTyped(kind = 12)
 * record WorkerLoad(int busy, int idle, @Since(2) long queued) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Since
{
    /**
     * @return the layout version that added the component; positive.
     */
    int value();
}
