package org.koppel.dist.bench;

import org.koppel.dist.KoppelVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code koppel bench}: the benchmarks; each subcommand sets up and removes its own data. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "Runs benchmarks on throw-away data.",
        subcommands = {StoreBenchCommand.class, SyncBenchCommand.class, NotificationBenchCommand.class,
                LongPollBenchCommand.class, SoapBenchCommand.class, SpoolerBenchCommand.class,
                LmtpBenchCommand.class, EasBenchCommand.class, EasFetchBenchCommand.class, SendMailBenchCommand.class,
                SearchBenchCommand.class,
                MimeBenchCommand.class, ImapBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark: try 'koppel bench store'");
    }
}
