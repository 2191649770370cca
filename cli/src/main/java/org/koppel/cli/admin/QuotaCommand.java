package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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

    static void describe(PrintWriter out, JsonNode q) {
        JsonNode quota = q.path("quota");
        out.printf("user:      %s%n", q.path("login").asText());
        out.printf("used:      %.1f MiB (%s)%n", q.path("usedBytes").asLong() / (double) MIB, q.path("level").asText());
        out.printf("warn:      %s%n", limit(quota.path("warnBytes").asLong()));
        out.printf("soft:      %s%n", limit(quota.path("softBytes").asLong()));
        out.printf("hard:      %s%s%n", limit(quota.path("hardBytes").asLong()),
                q.path("serverDefault").asBoolean() ? " (server defaults)" : "");
    }

    private static String limit(long bytes) {
        return bytes == 0 ? "none" : String.format("%.1f MiB", bytes / (double) MIB);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a user's quota and usage.")
    static final class Show implements Callable<Integer> {
        @ParentCommand QuotaCommand parent;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            return parent.admin.run(c -> {
                JsonNode q = c.call("quotas.get", c.object().put("login", name));
                parent.admin.print(c, q, out -> describe(out, q));
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
            return parent.admin.run(c -> {
                JsonNode q = c.call("quotas.set", c.object().put("login", name).put("warnBytes", warn * MIB)
                        .put("softBytes", soft * MIB).put("hardBytes", hard * MIB));
                parent.admin.print(c, q, out -> describe(out, q));
                return 0;
            });
        }
    }
}
