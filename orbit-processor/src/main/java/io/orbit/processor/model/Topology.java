package io.orbit.processor.model;

/**
 * How writers share a type's ring; the generated {@code RingSpec} names the runtime constant of the
 * same name.
 */
public enum Topology
{
    /** One lane per node. */
    PER_NODE,
    /** One lane shared by every writer. */
    SHARED
}
