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
 * @param fingerprint     layout fingerprint (0 unspecified): the version-1 fingerprint of a typed ring's record.
 * @param layoutVersion   highest layout version of the record that created or attached to a typed ring (0: untyped, or made by orbit-rs).
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
    int layoutVersion,
    long versionCounter,
    long resetGeneration)
{
}
