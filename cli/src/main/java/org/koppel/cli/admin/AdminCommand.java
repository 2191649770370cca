package org.koppel.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;
import org.koppel.store.api.Server;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.soap.SoapStoreServer;
import org.koppel.store.client.tls.ClientTls;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code koppel admin}: manages a running store through the high-level API over MAPI-over-SOAP. On the store's
 * host it logs on as the system administrator with the service secret in the data directory; from elsewhere
 * as an administrator user. Exit codes: 0 done, 1 the store refused or could not be reached, 2 usage.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manages users, groups, quotas and stores of a running Koppel store.",
        subcommands = {UserCommand.class, GroupCommand.class, QuotaCommand.class, StoreCommand.class,
                OofCommand.class, RulesCommand.class})
public final class AdminCommand implements Runnable {

    /** The service name the local system administrator logs on with. */
    private static final String SERVICE = "koppel-admin";

    @Spec
    CommandSpec spec;

    @Option(names = "--store", defaultValue = "http://127.0.0.1:2360", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The store's endpoint (http or https). Default: ${DEFAULT-VALUE}.")
    URI store;

    @Option(names = "--ca-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "PEM file of the CAs to trust for an https store (default: the JDK's).")
    Path caFile;

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

    /** Logs on, runs {@code work} and logs off, turning refusals and failures into a message and exit code 1. */
    int run(Function<Server, Integer> work) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Credentials credentials = credentials();
            try (SoapStoreServer soap = SoapStoreServer.connect(endpoint());
                    Server server = Server.logon(soap, credentials)) {
                return work.apply(server);
            }
        } catch (MapiException e) {
            if (e.error() == MapiError.NETWORK_ERROR) {
                err.println("koppel admin: cannot reach the store at " + store + " (is koppel serve running?)"
                        + networkDetail(e));
            } else {
                err.println("koppel admin: " + e.error().mapiName()
                        + (e.getMessage() == null || e.getMessage().isEmpty() ? "" : ": " + e.getMessage()));
            }
            return 1;
        } catch (IOException | GeneralSecurityException e) {
            err.println("koppel admin: " + e.getMessage());
            return 1;
        } finally {
            err.flush();
        }
    }

    /** What went wrong underneath (refused connection, TLS handshake, ...), without the transport's prefixes. */
    private static String networkDetail(MapiException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        for (String prefix : new String[] {MapiError.NETWORK_ERROR.mapiName() + ": ", "store unreachable: "}) {
            if (m.startsWith(prefix)) {
                m = m.substring(prefix.length());
            }
        }
        return m.isBlank() ? "" : ": " + m;
    }

    private SoapStoreServer.Endpoint endpoint() throws IOException, GeneralSecurityException {
        String scheme = store.getScheme() == null ? "" : store.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store must be an http or https URL: " + store);
        }
        SoapStoreServer.Endpoint endpoint = SoapStoreServer.Endpoint.of(store);
        if (scheme.equals("https")) {
            return endpoint.withTls(ClientTls.context(Optional.ofNullable(caFile), Optional.empty(), Optional.empty()));
        }
        if (caFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ca-file needs an https --store URL");
        }
        return endpoint;
    }

    private Credentials credentials() throws IOException {
        if (user != null) {
            return new Credentials.Password(user, password());
        }
        Path secretFile = data.resolve("service.secret");
        if (!Files.isReadable(secretFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no readable service secret at " + secretFile
                    + ": run on the store's host with --data DIR (as the user the store runs as), or log on with --user");
        }
        return new Credentials.Service(SERVICE, Files.readString(secretFile, StandardCharsets.UTF_8).strip(), "");
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

    /** Prints a result: its JSON form with --json, else the human form. */
    void print(JsonNode node, Consumer<PrintWriter> human) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(JsonForm.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            human.accept(out);
        }
        out.flush();
    }
}
