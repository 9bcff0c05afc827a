/**
 * JavaPoet writers: {@code XCodec}, {@code XOrbital} and claim classes, from the model alone.
 */
package io.orbit.processor.writer;
