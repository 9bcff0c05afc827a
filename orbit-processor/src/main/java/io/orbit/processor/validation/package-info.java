/**
 * Validation: checks of one type ({@link io.orbit.processor.validation.TypeChecks}) and of KINDs
 * across types, rounds, jars and modules ({@link io.orbit.processor.validation.KindChecks}). Checks
 * return problems; the processor reports them all and writes nothing for a type that has any.
 */
package io.orbit.processor.validation;
