/**
 * Diagnostics: the message catalogue ({@link io.orbit.processor.diagnostic.Message}), problems pinned
 * to elements, and the single reporter that prints them.
 */
package io.orbit.processor.diagnostic;
