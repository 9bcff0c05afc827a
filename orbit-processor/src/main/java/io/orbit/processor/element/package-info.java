/**
 * The {@code javax.lang.model} front end: reads annotations, builds the model of a record (from
 * source or from a class file), finds the KIND claims visible to the compilation and the limits the
 * runtime sets.
 */
package io.orbit.processor.element;
