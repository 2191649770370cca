package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code koppel admin}: manages a running store over its JSON protocol. On the store's host it logs on as
 * the system administrator with the service secret in the data directory; from elsewhere as an
 * administrator user. Exit codes: 0 done, 1 the store refused or could not be reached, 2 usage.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manages users, groups, quotas and stores of a running Koppel store.",
        subcommands = {UserCommand.class, GroupCommand.class, QuotaCommand.class, StoreCommand.class})
public final class AdminCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", defaultValue = "http://127.0.0.1:2360", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The store's endpoint. Default: ${DEFAULT-VALUE}.")
    URI store;

    @Option(names = "--data", defaultValue = "data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The store's data directory, for its service secret (on the store's host). Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--user", paramLabel = "LOGIN",
            description = "Log on as this administrator instead of with the local service secret (before the command).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "The administrator's password (better: --password-file, KOPPEL_PASSWORD or the prompt).")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the administrator's password.")
    Path passwordFile;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print results as JSON.")
    boolean json;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'koppel admin user list'");
    }

    /** Connects and runs {@code work}, turning refusals into a message and exit code 1. */
    int run(Function<StoreClient, Integer> work) {
        PrintWriter err = spec.commandLine().getErr();
        try (StoreClient client = connect()) {
            return work.apply(client);
        } catch (StoreClient.Refused r) {
            err.println("koppel admin: " + r.error + (r.getMessage().isEmpty() ? "" : ": " + r.getMessage()));
            return 1;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (IOException e) {
            err.println("koppel admin: " + e.getMessage());
            return 1;
        } finally {
            err.flush();
        }
    }

    private StoreClient connect() throws IOException {
        if (user != null) {
            return StoreClient.withPassword(store, user, password());
        }
        Path secretFile = data.resolve("service.secret");
        if (!Files.isReadable(secretFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no readable service secret at " + secretFile
                    + ": run on the store's host with --data DIR (as the user the store runs as), or log on with --user");
        }
        return StoreClient.withServiceSecret(store, Files.readString(secretFile, StandardCharsets.UTF_8).strip());
    }

    private String password() throws IOException {
        if (password != null) {
            return password;
        }
        if (passwordFile != null) {
            return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        }
        String env = System.getenv("KOPPEL_PASSWORD");
        if (env != null) {
            return env;
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no password: give --password-file, set KOPPEL_PASSWORD or run in a terminal");
        }
        return new String(console.readPassword("Password for %s: ", user));
    }

    /** Prints a result: JSON with --json, else the human form. */
    void print(StoreClient client, JsonNode node, java.util.function.Consumer<PrintWriter> human) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(client.json().writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            human.accept(out);
        }
        out.flush();
    }
}
