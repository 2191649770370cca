package org.koppel.dist;

import org.koppel.dist.bench.BenchCommand;
import org.koppel.dist.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code koppel} command: runs the server and its maintenance and benchmark tasks. */
@Command(name = "koppel",
        mixinStandardHelpOptions = true,
        versionProvider = KoppelVersion.class,
        description = "Koppel groupware server.",
        subcommands = {ServeCommand.class, org.koppel.cli.admin.AdminCommand.class, PurgeAttachmentsCommand.class,
                DagentCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Koppel implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'koppel serve'");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Koppel's error handling: configuration errors are one line, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Koppel());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException) {
                commandLine.getErr().println("koppel: configuration error: " + ex.getMessage());
                return 78; // EX_CONFIG
            }
            throw ex;
        });
        return cl;
    }
}
