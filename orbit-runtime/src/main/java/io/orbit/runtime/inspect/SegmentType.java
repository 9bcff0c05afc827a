package io.orbit.runtime.inspect;

/**
 * What a segment file's header says it is.
 */
public enum SegmentType
{
    /** A ring (magic ORBT). */
    RING,
    /** The heartbeat table (magic OHBT). */
    HEARTBEAT_TABLE,
    /** The contest table (magic OCST). */
    CONTEST_TABLE,
    /** Ready word still zero and younger than the attach timeout: its creator is initialising it (temporary). */
    INITIALISING,
    /** Looks like Orbit's by name but does not parse: unknown magic, short file, or never became ready. */
    STALE
}
