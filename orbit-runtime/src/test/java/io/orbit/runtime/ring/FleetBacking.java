package io.orbit.runtime.ring;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.testing.ShmDirectory;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

/**
 * The two fleet backings every ring-level test runs on: same API and semantics, different memory.
 */
public enum FleetBacking
{
    /** Process-local fleet: in-memory segments shared by the handles of one name in this JVM. */
    LOCAL,
    /** Shared-memory fleet: real mapped files in a private /dev/shm directory, file-lock node leases. */
    SHM;

    /**
     * @param dir  private shared-memory directory (unused for {@link #LOCAL}).
     * @param name fleet name.
     * @param size fleet size.
     * @param node node to join as.
     * @return the joined fleet handle.
     */
    public Fleet join(final ShmDirectory dir, final String name, final int size, final int node)
    {
        return this == SHM ? Fleet.joinShmAs(name, size, node, dir.path()) : Fleet.joinAs(name, size, node);
    }

    /**
     * @return every (backing, topology) pair, as a JUnit method source:
     *         {@code @MethodSource("io.orbit.runtime.ring.FleetBacking#backingsAndTopologies")}.
     */
    public static Stream<Arguments> backingsAndTopologies()
    {
        return Stream.of(values()).flatMap(backing -> Stream.of(Topology.values()).map(topology -> Arguments.of(backing, topology)));
    }
}
