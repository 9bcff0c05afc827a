package io.orbit.runtime.inspect;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One segment file of a fleet, as found in the directory.
 *
 * @param path     the file.
 * @param kind     KIND from the file name.
 * @param size     bytes.
 * @param ownerUid uid owning the file (-1 when unknown).
 * @param modified last modification.
 * @param type     what its header says.
 * @param ring     header fields when {@link SegmentType#RING}, else null.
 * @param slots    slot count of a table (heartbeat, contest), else 0.
 * @param problem  why the file is {@link SegmentType#STALE} or {@link SegmentType#INITIALISING}; empty otherwise.
 */
public record SegmentFile(
    Path path,
    int kind,
    long size,
    int ownerUid,
    Instant modified,
    SegmentType type,
    RingHeader ring,
    int slots,
    String problem)
{
}
