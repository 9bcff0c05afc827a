package io.orbit.runtime.inspect;

import io.orbit.runtime.ring.Topology;

/**
 * The header fields of a ring segment ({@link io.orbit.runtime.ring.RingLayout}).
 *
 * @param kind            ring KIND.
 * @param version         layout version (3).
 * @param capacity        slots per lane.
 * @param payloadCapacity payload bytes per slot.
 * @param slotStride      bytes per slot.
 * @param topology        PER_NODE or SHARED; null for a topology code Java does not support.
 * @param laneCount       lanes (fleet size for PER_NODE).
 * @param fingerprint     layout fingerprint (0 unspecified).
 * @param versionCounter  fleet-wide version counter.
 * @param resetGeneration resets so far.
 */
public record RingHeader(
    int kind,
    int version,
    long capacity,
    int payloadCapacity,
    int slotStride,
    Topology topology,
    int laneCount,
    long fingerprint,
    long versionCounter,
    long resetGeneration)
{
}
