package org.koppel.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.koppel.dist.config.DagentSettings;
import org.koppel.dist.config.EasSettings;
import org.koppel.dist.config.PolicyFile;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.dist.config.ServerSettings;
import org.koppel.dist.runtime.BlobStorage;
import org.koppel.dist.runtime.DemoAccount;
import org.koppel.dist.runtime.EmbeddedStore;
import org.koppel.dist.runtime.Housekeeping;
import org.koppel.store.endpoint.http.EndpointConfig;
import org.koppel.store.endpoint.http.EndpointServer;
import org.koppel.dist.runtime.PrivateFile;
import org.koppel.dist.runtime.ServiceSecret;
import org.koppel.store.client.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code koppel serve}: starts the store and keeps it running until the process is told to stop. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = KoppelVersion.class,
        description = "Starts the store (embedded database under the data directory by default).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    StoreOptions options;

    /**
     * The data directory holds every mailbox, the password hashes and the service secret: a new one is
     * readable by the service's user only (an existing one keeps the permissions its admin gave it).
     */
    static void createPrivateDirectory(java.nio.file.Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            LOG.warn("Cannot restrict the permissions of {} on this file system", dir);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        LogLevels logLevels = new LogLevels();
        ServerSettings settings = options.serverSettings(logLevels,
                java.util.Set.of(ServerSettings.FILE, DagentSettings.FILE, org.koppel.dist.config.SpoolerSettings.FILE,
                        EasSettings.FILE, org.koppel.dist.config.GatewaySettings.FILE));
        DagentSettings dagent = options.dagentSettings(logLevels);
        org.koppel.spooler.SpoolerConfig spoolerConfig = options.spoolerSettings();
        EasSettings eas = options.easSettings();
        org.koppel.dist.config.GatewaySettings gatewaySettings = options.gatewaySettings(logLevels);
        // Read before anything starts, so that a bad policy stops the start with its file and line.
        Optional<DevicePolicy> policy = eas.enabled()
                ? Optional.of(PolicyFile.read(eas.policiesFile(), eas.policiesFileNamed()))
                : Optional.empty();
        createPrivateDirectory(settings.dataDir());
        SecureRandom random = new SecureRandom();
        String secret = settings.serviceSecret().isEmpty()
                ? new ServiceSecret(new PrivateFile(settings.serviceSecretFile()), random).loadOrCreate()
                : settings.serviceSecret();
        BlobStorage blobStorage = BlobStorage.of(settings);
        EmbeddedStore store = EmbeddedStore.start(settings.databaseConfig(), blobStorage, settings.engineConfig(secret));

        // The demo account exists before any listener opens, so the first client to connect can use it and an
        // administrator's first "user add" cannot race it.
        PrivateFile credentialsFile = new PrivateFile(settings.dataDir().resolve("demo-credentials.txt"));
        Optional<DemoAccount> demo;
        try (Session admin = store.engine().systemSession()) {
            demo = DemoAccount.createOnFirstStart(admin, credentialsFile, random);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Housekeeping housekeeping = Housekeeping.start(store.engine(), settings.housekeepingInterval());
        EndpointServer endpoint;
        try {
            EndpointConfig endpointConfig = new EndpointConfig(settings.serverListen().host(),
                    settings.serverListen().port(), settings.sessionTimeout(), settings.maxSessions(),
                    KoppelVersion.version());
            if (settings.tls().isPresent()) {
                endpointConfig = endpointConfig.withTls(tlsListener(settings.tls().get()), secret);
            }
            endpoint = EndpointServer.start(store.engine(), endpointConfig);
        } catch (RuntimeException e) {
            housekeeping.close();
            store.close();
            // A port in use or an address not on this host: say so in one line (exit 78, EX_CONFIG).
            throw new org.koppel.dist.config.ConfigException(
                    (e instanceof org.koppel.dist.config.ConfigException ? "" : "server_listen: ") + e.getMessage(), e);
        }

        Optional<DeliveryAgent> lmtp;
        try {
            lmtp = dagent.enabled() ? Optional.of(DeliveryAgent.start(dagent.config(), store.engine(), secret))
                    : Optional.empty();
        } catch (RuntimeException e) {
            endpoint.close();
            housekeeping.close();
            store.close();
            throw e;
        }
        // An unreachable smarthost does not stop serve: mail stays queued and the spooler says so once.
        org.koppel.spooler.Spooler spooler = spoolerConfig.enabled()
                ? new org.koppel.spooler.Spooler(store.engine(),
                        new org.koppel.store.client.Credentials.Service("koppel-spooler", secret, ""), spoolerConfig,
                        org.koppel.spooler.SmtpTls.system()).start()
                : null;

        Optional<MailGateway> gateway;
        try {
            gateway = gatewaySettings.enabled()
                    ? Optional.of(MailGateway.start(gatewaySettings.config(), store.engine()))
                    : Optional.empty();
        } catch (RuntimeException e) {
            if (spooler != null) {
                spooler.close(java.time.Duration.ofSeconds(5));
            }
            lmtp.ifPresent(DeliveryAgent::close);
            endpoint.close();
            housekeeping.close();
            store.close();
            throw e;
        }

        Optional<ActiveSync> activeSync;
        try {
            activeSync = policy.isPresent()
                    ? Optional.of(ActiveSync.start(eas, policy.get(), settings, store.engine(), secret))
                    : Optional.empty();
        } catch (RuntimeException e) {
            gateway.ifPresent(MailGateway::close);
            if (spooler != null) {
                spooler.close(java.time.Duration.ofSeconds(5));
            }
            lmtp.ifPresent(DeliveryAgent::close);
            endpoint.close();
            housekeeping.close();
            store.close();
            throw e instanceof org.koppel.dist.config.ConfigException ? e
                    : new org.koppel.dist.config.ConfigException("eas.cfg: " + e.getMessage(), e);
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            // Phones are answered first (in-flight requests finish), then the services they reach stop.
            activeSync.ifPresent(ActiveSync::close);
            gateway.ifPresent(MailGateway::close);
            if (spooler != null) {
                spooler.close(java.time.Duration.ofSeconds(20));
            }
            // Messages being received or delivered finish (and get their replies) before the store goes.
            lmtp.ifPresent(DeliveryAgent::close);
            // Requests in flight finish first; then nothing new reaches the store.
            endpoint.close();
            housekeeping.close();
            store.close();
            LOG.info("Stopped");
            stopped.countDown();
        }, "koppel-shutdown"));

        demo.ifPresent(account -> {
            System.out.println();
            System.out.println("  First start: created the demo account (shown only this once)");
            System.out.println("    login:    " + account.login());
            System.out.println("    password: " + account.password());
            System.out.println("  Saved to " + credentialsFile.path() + " (readable by you only).");
            System.out.println();
            System.out.flush();
        });

        LOG.info("Koppel {} ready in {} ms: store endpoint http://{}:{}, ActiveSync {}, {}, database {},"
                + " attachments {}, data {} (pid {})",
                KoppelVersion.version(), java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(),
                settings.serverListen().host(), endpoint.port(),
                activeSync.map(ActiveSync::describe).orElse("off"),
                gateway.map(MailGateway::describe).orElse("IMAP/POP3 off"), describeDatabase(settings), blobStorage,
                settings.dataDir(), ProcessHandle.current().pid());
        stopped.await();
        return 0;
    }

    private static String describeDatabase(ServerSettings settings) {
        return switch (settings.databaseEngine()) {
            case EMBEDDED -> "embedded H2";
            case MYSQL -> "MySQL " + settings.mysqlUser() + "@" + settings.mysqlHost() + ":" + settings.mysqlPort()
                    + "/" + settings.mysqlDatabase();
        };
    }

    /** The TLS listener from the PEM files server.cfg names; a file that cannot be used is a config error. */
    private static org.koppel.store.endpoint.http.TlsListener tlsListener(org.koppel.dist.config.TlsSettings tls) {
        try {
            return new org.koppel.store.endpoint.http.TlsListener(tls.listen().host(), tls.listen().port(),
                    org.koppel.tls.PemFiles.keyStore(tls.certFile(), tls.keyFile()),
                    org.koppel.tls.PemFiles.storePassword(),
                    tls.caFile().isPresent()
                            ? Optional.of(org.koppel.tls.PemFiles.trustStore(tls.caFile().get()))
                            : Optional.empty());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new org.koppel.dist.config.ConfigException("server_ssl_*: " + e.getMessage(), e);
        }
    }
}
