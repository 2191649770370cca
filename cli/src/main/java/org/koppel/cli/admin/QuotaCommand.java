package org.koppel.cli.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.koppel.store.client.Quota;
import org.koppel.store.client.QuotaStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code koppel admin quota ...}: limits in MiB, 0 for none. */
@Command(name = "quota", mixinStandardHelpOptions = true, description = "Mailbox quotas: show, set.",
        subcommands = {QuotaCommand.Show.class, QuotaCommand.Set.class})
final class QuotaCommand {

    private static final long MIB = 1024 * 1024;

    @ParentCommand
    AdminCommand admin;

    static void describe(PrintWriter out, QuotaStatus q) {
        out.printf("user:      %s%n", q.login());
        out.printf("used:      %.1f MiB (%s)%n", q.usedBytes() / (double) MIB, q.level());
        out.printf("warn:      %s%n", limit(q.quota().warnBytes()));
        out.printf("soft:      %s%n", limit(q.quota().softBytes()));
        out.printf("hard:      %s%s%n", limit(q.quota().hardBytes()), q.serverDefault() ? " (server defaults)" : "");
    }

    private static String limit(long bytes) {
        return bytes == 0 ? "none" : String.format("%.1f MiB", bytes / (double) MIB);
    }

    /** Prints a quota status: its JSON form, or {@link #describe}. */
    void show(QuotaStatus q) {
        admin.print(JsonForm.quota(q), out -> describe(out, q));
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a user's quota and usage.")
    static final class Show implements Callable<Integer> {
        @ParentCommand QuotaCommand parent;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                parent.show(server.user(name).quota());
                return 0;
            });
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Sets a user's limits (MiB; 0: none).")
    static final class Set implements Callable<Integer> {
        @ParentCommand QuotaCommand parent;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--warn", required = true, paramLabel = "MB") long warn;
        @Option(names = "--soft", required = true, paramLabel = "MB") long soft;
        @Option(names = "--hard", required = true, paramLabel = "MB") long hard;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                parent.show(server.user(name).setQuota(new Quota(warn * MIB, soft * MIB, hard * MIB)));
                return 0;
            });
        }
    }
}
