/**
 * The processor's model: types, fields, layouts, fingerprints and naming rules. Nothing here
 * depends on {@code javax.lang.model}, so another front end (a test, a Kotlin symbol processor) can
 * build and lay out an {@link io.orbit.processor.model.OrbitType} and hand it to the writers.
 */
package io.orbit.processor.model;
