package io.orbit.cli;

import io.orbit.runtime.exceptions.OrbitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code orbit} command: inspect and clean shared-memory fleets, check the host.
 */
@Command(
    name = "orbit",
    mixinStandardHelpOptions = true,
    version = "orbit 0.2.0",
    description = "Inspect Orbit fleets in shared memory.",
    subcommands = {LsCommand.class, StatCommand.class, TailCommand.class, CleanCommand.class, DoctorCommand.class})
public final class OrbitCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /**
     * @param args command line.
     * @return the exit code.
     */
    static int run(final String... args)
    {
        final CommandLine line = new CommandLine(new OrbitCommand());
        line.setExecutionExceptionHandler((ex, cmd, parsed) ->
        {
            if (ex instanceof CliException cli)
            {
                cmd.getErr().println("orbit: " + cli.getMessage());
                return cli.exitCode();
            }
            if (ex instanceof OrbitException orbit)
            {
                cmd.getErr().println("orbit: " + orbit.getMessage());
                return ExitCodes.REFUSED;
            }
            throw ex;
        });
        return line.execute(args);
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
