package io.orbit.runtime.exceptions;

/**
 * A shared-memory segment's header does not match what this process expects (magic, version, KIND,
 * topology, lane count, capacity, payload capacity, stride, file size or layout fingerprint). Nothing
 * is written to a segment that failed validation.
 */
public final class SegmentLayoutException extends OrbitException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the fleet, KIND, file or limit.
     */
    public SegmentLayoutException(final String message)
    {
        super(message);
    }
}
