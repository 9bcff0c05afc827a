package io.orbit.runtime.inspect;

import java.util.List;

/**
 * The files of one fleet (one name, one uid) in a directory.
 *
 * @param name     fleet name.
 * @param uid      uid in the file names.
 * @param segments segment files, by KIND.
 * @param leases   node lease files, by node.
 */
public record FleetFiles(String name, int uid, List<SegmentFile> segments, List<LeaseFile> leases)
{
    /**
     * @return true when some node's lease is held by a live process.
     */
    public boolean anyAlive()
    {
        return leases.stream().anyMatch(LeaseFile::alive);
    }

    /**
     * @return bytes of all segment files.
     */
    public long bytes()
    {
        return segments.stream().mapToLong(SegmentFile::size).sum();
    }

    /**
     * @param kind a KIND.
     * @return that KIND's segment, or null.
     */
    public SegmentFile segment(final int kind)
    {
        return segments.stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
    }
}
