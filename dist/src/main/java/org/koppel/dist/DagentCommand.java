package org.koppel.dist;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.koppel.dagent.DagentConfig;
import org.koppel.dagent.delivery.Delivery;
import org.koppel.dagent.delivery.MessageSpool;
import org.koppel.dagent.delivery.Outcome;
import org.koppel.dagent.delivery.RecipientResult;
import org.koppel.dagent.delivery.Resolution;
import org.koppel.dist.config.DagentSettings;
import org.koppel.dist.config.ServerSettings;
import org.koppel.dist.runtime.BlobStorage;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.dist.runtime.PrivateFile;
import org.koppel.dist.runtime.ServiceSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code koppel dagent}: the delivery agent's commands for MTAs and admins. */
@Command(name = "dagent", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "The delivery agent (LMTP runs inside 'koppel serve').",
        subcommands = {DagentCommand.Deliver.class})
final class DagentCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'koppel dagent deliver USER'");
    }

    /** sysexits.h: what an MTA piping to a delivery agent understands. */
    static final int EX_OK = 0;
    static final int EX_DATAERR = 65;
    static final int EX_NOUSER = 67;
    static final int EX_UNAVAILABLE = 69;
    static final int EX_TEMPFAIL = 75;

    /**
     * {@code koppel dagent deliver USER < message.eml}: delivers one message from standard input, for MTAs
     * that pipe (Postfix's pipe(8), Exim's pipe transport). Opens the store in this process, like
     * purge-attachments: with the embedded database, only while {@code koppel serve} is not running.
     */
    @Command(name = "deliver", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
            description = {"Delivers the message on standard input to USER (login or address).",
                    "Exit codes: 0 delivered, 65 message too large, 67 unknown user or mail disabled,",
                    "75 temporary failure (store unavailable, mailbox full): the MTA retries."})
    static final class Deliver implements Callable<Integer> {

        @Mixin
        StoreOptions options;

        @Option(names = {"-f", "--from"}, paramLabel = "SENDER", defaultValue = "",
                description = "The envelope sender, for the log.")
        String sender;

        @Parameters(paramLabel = "USER", description = "The recipient: a login or one of the user's addresses.")
        String user;

        /** Where the message comes from; standard input unless a test says otherwise. */
        InputStream input = System.in;

        @Override
        public Integer call() throws IOException {
            LogLevels logLevels = new LogLevels();
            ServerSettings settings = options.serverSettings(logLevels, Set.of(ServerSettings.FILE, DagentSettings.FILE));
            DagentConfig config = options.dagentSettings(logLevels).config();
            MessageSpool message = new MessageSpool(DagentConfig.MEMORY_THRESHOLD, config.tempDir(),
                    config.maxMessageSize());
            try (message) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = input.read(buf)) > 0) {
                    message.write(buf, 0, n);
                }
                message.finish();
                if (message.overflowed()) {
                    System.err.println("koppel dagent: message larger than max_message_size ("
                            + config.maxMessageSize() + " bytes)");
                    return EX_DATAERR;
                }
                EmbeddedStore store;
                String secret;
                try {
                    ServeCommand.createPrivateDirectory(settings.dataDir());
                    secret = settings.serviceSecret().isEmpty()
                            ? new ServiceSecret(new PrivateFile(settings.serviceSecretFile()), new SecureRandom()).loadOrCreate()
                            : settings.serviceSecret();
                    store = EmbeddedStore.start(settings.databaseConfig(), BlobStorage.of(settings),
                            settings.engineConfig(secret));
                } catch (RuntimeException e) {
                    System.err.println("koppel dagent: the store is not available: " + e.getMessage());
                    return EX_TEMPFAIL;
                }
                try (store; Delivery delivery = DeliveryAgent.delivery(config, store.engine(), secret)) {
                    Resolution r = delivery.resolve(user);
                    if (r instanceof Resolution.Refused refused) {
                        System.err.println("koppel dagent: " + user + ": " + refused.detail());
                        return exitCode(refused.outcome());
                    }
                    List<RecipientResult> results = delivery.deliver(message, message.size(), sender,
                            List.of((Resolution.Mailbox) r), x -> { });
                    RecipientResult result = results.get(0);
                    if (!result.delivered()) {
                        System.err.println("koppel dagent: " + user + ": " + result.detail());
                    }
                    return exitCode(result.outcome());
                }
            }
        }

        static int exitCode(Outcome outcome) {
            return switch (outcome) {
                case DELIVERED -> EX_OK;
                case UNKNOWN_USER, MAIL_DISABLED -> EX_NOUSER;
                case TOO_LARGE -> EX_DATAERR;
                case REJECTED -> EX_UNAVAILABLE;
                case MAILBOX_FULL, TEMPORARY_FAILURE -> EX_TEMPFAIL;
            };
        }
    }
}
