package io.orbit.runtime.fleet;

import io.orbit.runtime.exceptions.NodeInUseException;
import io.orbit.runtime.segment.ProcessMemoryStore;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Process-local fleets: handles joined with one name in this process share one set of in-memory
 * segments and one lease table, so a process-local fleet behaves like a shared-memory one with
 * its nodes in one process. The state goes away when the last handle closes.
 */
final class LocalFleets
{
    private static final Map<String, State> FLEETS = new HashMap<>();

    private LocalFleets()
    {
    }

    static synchronized State acquire(final String name)
    {
        final State state = FLEETS.computeIfAbsent(name, State::new);
        state.handles++;
        return state;
    }

    static synchronized void release(final State state)
    {
        if (--state.handles == 0)
        {
            FLEETS.remove(state.name, state);
        }
    }

    /** One process-local fleet: its segments and its node leases. */
    static final class State implements NodeLeases
    {
        private final String name;
        private final ProcessMemoryStore store;
        private final Set<Integer> held = new HashSet<>();
        private int handles;

        private State(final String name)
        {
            this.name = name;
            this.store = new ProcessMemoryStore(name);
        }

        ProcessMemoryStore store()
        {
            return store;
        }

        @Override
        public Lease acquire(final int node)
        {
            synchronized (LocalFleets.class)
            {
                if (!held.add(node))
                {
                    throw new NodeInUseException("node " + node + " of process-local fleet " + name
                        + " is already held by another handle in this process");
                }
            }
            return () ->
            {
                synchronized (LocalFleets.class)
                {
                    held.remove(node);
                }
            };
        }

        @Override
        public boolean isAlive(final int node)
        {
            synchronized (LocalFleets.class)
            {
                return held.contains(node);
            }
        }
    }
}
