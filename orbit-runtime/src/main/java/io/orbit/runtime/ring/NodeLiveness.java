package io.orbit.runtime.ring;

/**
 * Answers "is node n alive?" from the node leases of a fleet: the signal that lets SHARED writers
 * take over, and readers skip, a slot whose writer died mid-write.
 */
@FunctionalInterface
public interface NodeLiveness
{
    /**
     * @param node node id.
     * @return true while some live process holds that node's lease.
     */
    boolean isAlive(int node);
}
