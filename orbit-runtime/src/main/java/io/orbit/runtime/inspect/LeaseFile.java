package io.orbit.runtime.inspect;

import java.nio.file.Path;

/**
 * One node lease file of a fleet.
 *
 * @param path  the lock file.
 * @param node  node id.
 * @param alive true while a live process holds the lease (files of another uid, which cannot be
 *              probed, count as alive so nothing removes them by mistake).
 * @param pid   pid recorded by the last holder, -1 when none.
 */
public record LeaseFile(Path path, int node, boolean alive, long pid)
{
}
