package io.orbit.samples.typed;

import io.orbit.runtime.NetId64;
import io.orbit.runtime.fleet.Fleet;
import io.orbit.samples.fleet.WorkerLoad;
import io.orbit.samples.fleet.WorkerLoadOrbital;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A child JVM holding one node of a shared-memory fleet: {@code <fleet> <size> <node>}. Reads
 * commands from stdin ({@code store busy idle}, {@code load node}, {@code exit}) and answers on stdout.
 */
public final class WorkerLoadChild
{
    private WorkerLoadChild()
    {
    }

    /**
     * @param args fleet name, size, node.
     * @throws IOException when stdin fails.
     */
    public static void main(final String[] args) throws IOException
    {
        try (Fleet fleet = Fleet.joinShmAs(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)))
        {
            final WorkerLoadOrbital orbital = WorkerLoadOrbital.of(fleet);
            System.out.println("READY");
            String line;
            while ((line = in.readLine()) != null && !line.equals("exit"))
            {
                final String[] words = line.split(" ");
                if (words[0].equals("store"))
                {
                    final long id = orbital.store(new WorkerLoad(Integer.parseInt(words[1]), Integer.parseInt(words[2])));
                    System.out.println("STORED " + NetId64.toString(id));
                }
                else
                {
                    System.out.println("LOADED " + orbital.load(Integer.parseInt(words[1])).map(WorkerLoad::toString).orElse("none"));
                }
            }
        }
    }
}
