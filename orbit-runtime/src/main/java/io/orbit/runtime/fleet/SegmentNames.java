package io.orbit.runtime.fleet;

import io.orbit.runtime.segment.MappedFileStore;
import io.orbit.runtime.segment.ProcessIdentity;

/**
 * File names of a fleet's segments (the names orbit-rs uses) and node leases (Java only: orbit-rs has no lease files):
 * {@code orbit-{fleet}-{kind}-{uid}} and {@code orbit-{fleet}-node{n}-{uid}.lock}.
 */
public final class SegmentNames
{
    private SegmentNames()
    {
    }

    /**
     * @param fleet fleet name.
     * @param kind  ring or table KIND.
     * @return the segment's file name.
     */
    public static String segment(final String fleet, final int kind)
    {
        return "orbit-" + fleet + "-" + kind + "-" + ProcessIdentity.uid();
    }

    /**
     * @param fleet fleet name.
     * @param node  node id.
     * @return the node lease's lock file name.
     */
    public static String nodeLease(final String fleet, final int node)
    {
        return "orbit-" + fleet + "-node" + node + "-" + ProcessIdentity.uid() + ".lock";
    }

    /**
     * @param fleet    fleet name.
     * @param fileName a file name in the shared-memory directory.
     * @return true when the file is a segment, a temporary file of a segment being created, or a
     *         lease of this fleet and this uid.
     */
    public static boolean belongsTo(final String fleet, final String fileName)
    {
        final String uid = "-" + ProcessIdentity.uid();
        return fileName.startsWith("orbit-" + fleet + "-") && (fileName.endsWith(uid) || fileName.endsWith(uid + ".lock")
            || MappedFileStore.isTemporary(fileName) && fileName.contains(uid + "."));
    }
}
