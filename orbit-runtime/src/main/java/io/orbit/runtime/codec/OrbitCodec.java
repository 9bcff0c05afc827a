package io.orbit.runtime.codec;

import io.orbit.runtime.exceptions.InvalidRingSpecException;
import io.orbit.runtime.ring.PayloadEncoder;
import io.orbit.runtime.ring.RingSpec;

/**
 * Everything the runtime needs to store a fixed-layout type in its ring: the type, its ring spec
 * (KIND, capacity, topology, {@code payloadCapacity == encodedLength}, layout fingerprint), a check
 * that runs before a slot is claimed, and the encoder and decoder. Generated {@code XCodec} classes
 * expose one as {@code XCodec.CODEC}.
 *
 * @param type          the record type.
 * @param ringSpec      its ring spec.
 * @param encodedLength bytes of one encoded value.
 * @param validator     throws {@link io.orbit.runtime.exceptions.PayloadTooLargeException} or
 *                      {@link io.orbit.runtime.exceptions.InvalidValueException} for a value that cannot be encoded.
 * @param encoder       writes a checked value into a buffer.
 * @param decoder       reads a value back.
 * @param <T>           the record type.
 */
public record OrbitCodec<T>(
    Class<T> type,
    RingSpec ringSpec,
    int encodedLength,
    Validator<T> validator,
    PayloadEncoder<T> encoder,
    PayloadDecoder<T> decoder)
{
    /**
     * Checks that the encoded length is the ring's payload capacity.
     *
     * @throws InvalidRingSpecException when they differ.
     */
    public OrbitCodec
    {
        if (encodedLength != ringSpec.payloadCapacity())
        {
            throw new InvalidRingSpecException(type.getName() + " encodes to " + encodedLength
                + " bytes but its ring KIND " + ringSpec.kind() + " holds payloads of " + ringSpec.payloadCapacity());
        }
    }

    /**
     * Checks that a value can be encoded, before anything is written.
     *
     * @param <T> the value type.
     */
    @FunctionalInterface
    public interface Validator<T>
    {
        /**
         * @param value the value to check.
         */
        void validate(T value);
    }
}
