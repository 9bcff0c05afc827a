package com.example;

import io.orbit.runtime.fleet.Fleet;

/**
 * {@code store <fleet> <node> <busy> <idle>} stores a WorkerLoad as that node and prints STORED;
 * {@code load <fleet> <node>} prints the newest value of that node.
 */
public final class StoreLoad
{
    private StoreLoad()
    {
    }

    /**
     * @param args see the class comment.
     */
    public static void main(final String[] args)
    {
        final int node = Integer.parseInt(args[2]);
        if (args[0].equals("store"))
        {
            try (Fleet fleet = Fleet.joinShmAs(args[1], 3, node))
            {
                final long id = WorkerLoadOrbital.of(fleet).store(new WorkerLoad(Integer.parseInt(args[3]), Integer.parseInt(args[4])));
                System.out.println("STORED " + io.orbit.runtime.NetId64.toString(id));
            }
            return;
        }
        try (Fleet fleet = Fleet.joinShmAs(args[1], 3, 2))
        {
            System.out.println("LOADED " + WorkerLoadOrbital.of(fleet).load(node).map(WorkerLoad::toString).orElse("none"));
        }
    }
}
