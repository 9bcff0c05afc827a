package io.orbit.runtime.codec;

import io.orbit.runtime.exceptions.InvalidRingSpecException;
import io.orbit.runtime.ring.PayloadEncoder;
import io.orbit.runtime.ring.RingSpec;

/**
 * Everything the runtime needs to store a fixed-layout type in its ring: the type, its ring spec
 * (KIND, capacity, topology, payload capacity, base layout fingerprint), its versioned
 * {@link RecordLayout}, a check that runs before a slot is claimed, and the encoder and decoder.
 * Generated {@code XCodec} classes expose one as {@code XCodec.CODEC}.
 *
 * @param type      the record type.
 * @param ringSpec  its ring spec.
 * @param layout    the record's layout: version, base fingerprint, encoded length, components.
 * @param validator throws {@link io.orbit.runtime.exceptions.PayloadTooLargeException} or
 *                  {@link io.orbit.runtime.exceptions.InvalidValueException} for a value that cannot be encoded.
 * @param encoder   writes a checked value into a buffer ({@link RecordLayout#encodedLength()} bytes).
 * @param decoder   reads a value back from a frame of any version of the record.
 * @param <T>       the record type.
 */
public record OrbitCodec<T>(
    Class<T> type,
    RingSpec ringSpec,
    RecordLayout layout,
    Validator<T> validator,
    PayloadEncoder<T> encoder,
    PayloadDecoder<T> decoder)
{
    /**
     * Checks that a value fits the ring's payload capacity and that the layout and the ring spec
     * carry the same fingerprint.
     *
     * @throws InvalidRingSpecException when they do not.
     */
    public OrbitCodec
    {
        if (layout.encodedLength() > ringSpec.payloadCapacity())
        {
            throw new InvalidRingSpecException(type.getName() + " (layout version " + layout.version() + ") encodes to "
                + layout.encodedLength() + " bytes but its ring KIND " + ringSpec.kind() + " holds payloads of "
                + ringSpec.payloadCapacity());
        }
        if (layout.baseFingerprint() != ringSpec.fingerprint())
        {
            throw new InvalidRingSpecException(type.getName() + ": its layout's base fingerprint 0x"
                + Long.toHexString(layout.baseFingerprint()) + " is not the fingerprint 0x" + Long.toHexString(ringSpec.fingerprint())
                + " of its ring KIND " + ringSpec.kind());
        }
    }

    /**
     * @return bytes of one value encoded by this version: the payload length of the frames it stores.
     */
    public int encodedLength()
    {
        return layout.encodedLength();
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
