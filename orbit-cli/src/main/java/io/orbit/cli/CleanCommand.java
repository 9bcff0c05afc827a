package io.orbit.cli;

import io.orbit.runtime.fleet.Fleet;
import io.orbit.runtime.inspect.FleetDirectory;
import io.orbit.runtime.inspect.FleetFiles;
import io.orbit.runtime.inspect.LeaseFile;
import io.orbit.runtime.segment.ProcessIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code orbit clean FLEET | --dead}: removes a fleet's segment and lease files, refused while a node
 * of the fleet is alive ({@link Fleet#removeSegments(String, Path)}).
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
    description = "Remove a fleet's files (refused while a node is alive), or every fleet with no live node (--dead).")
final class CleanCommand implements Callable<Integer>
{
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FLEET", description = "fleet name")
    String fleet;

    @Option(names = "--dead", description = "remove every fleet of this uid with no live node")
    boolean dead;

    @Override
    public Integer call()
    {
        if ((fleet == null) == !dead)
        {
            throw new CliException(ExitCodes.USAGE, "give either a FLEET or --dead");
        }
        final Path directory = options.existingDirectory();
        final List<Object> removed = new ArrayList<>();
        final List<Object> kept = new ArrayList<>();
        int exit = ExitCodes.OK;
        final List<FleetFiles> targets = dead
            ? FleetDirectory.list(directory).fleets().stream().filter(f -> f.uid() == ProcessIdentity.uid()).toList()
            : List.of(Fleets.find(directory, fleet));
        for (final FleetFiles target : targets)
        {
            final LeaseFile live = target.leases().stream().filter(LeaseFile::alive).findFirst().orElse(null);
            final Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("fleet", target.name());
            if (live != null)
            {
                entry.put("reason", "node " + live.node() + " is alive (pid " + live.pid() + ")");
                kept.add(entry);
                if (!dead)
                {
                    exit = ExitCodes.REFUSED;
                }
                continue;
            }
            entry.put("files", Fleet.removeSegments(target.name(), directory));
            removed.add(entry);
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (options.json)
        {
            final Map<String, Object> document = new LinkedHashMap<>();
            document.put("directory", directory.toString());
            document.put("removed", removed);
            document.put("refused", kept);
            out.println(Json.write(document));
            return exit;
        }
        for (final Object entry : removed)
        {
            final Map<?, ?> e = (Map<?, ?>)entry;
            out.println("removed fleet " + e.get("fleet") + " (" + e.get("files") + " files) from " + directory);
        }
        for (final Object entry : kept)
        {
            final Map<?, ?> e = (Map<?, ?>)entry;
            final String message = "refusing to clean fleet " + e.get("fleet") + ": " + e.get("reason");
            (dead ? out : spec.commandLine().getErr()).println(dead ? "kept fleet " + e.get("fleet") + ": " + e.get("reason") : "orbit: " + message);
        }
        if (dead && removed.isEmpty())
        {
            out.println("no dead fleet in " + directory);
        }
        return exit;
    }
}
