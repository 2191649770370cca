package org.koppel.dist.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.auth.DomainHandling;
import org.koppel.eas.gateway.EasConfig;
import org.koppel.eas.http.EasHttpConfig;
import org.koppel.eas.provisioning.ProvisioningMode;
import org.koppel.eas.state.DatabaseKind;
import org.koppel.eas.state.DeviceStateConfig;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * The ActiveSync gateway's settings from eas.cfg, read once at start: whether {@code koppel serve} runs it, the
 * gateway's own {@link EasConfig}, where the policy file is, where device state lives, and the remote store it
 * syncs with, if any. Every key of the shipped config/eas.cfg is read here with the same default.
 *
 * @param policiesFile the policies.ini to read the device policy from
 * @param policiesFileNamed whether eas.cfg named it (then it must exist; the default one may be missing)
 * @param remoteStore  empty: the store in this process
 */
public record EasSettings(boolean enabled, EasConfig gateway, Path policiesFile, boolean policiesFileNamed,
        StateSettings state,
        Optional<RemoteStore> remoteStore) {

    /** The file name (without .cfg) and {@code --set} prefix of these settings. */
    public static final String FILE = "eas";

    /** eas.cfg {@code state_database}. */
    public enum StateDatabase { STORE, EMBEDDED, MYSQL }

    /** The "Device state" section. */
    public record StateSettings(StateDatabase database, String mysqlHost, int mysqlPort, String mysqlUser,
            String mysqlPassword, String mysqlDatabase, int poolSize, Duration cacheTime, long cacheDevices,
            Duration lastSyncStep) {
    }

    /** A store in another process, reached over its SOAP endpoint. */
    public record RemoteStore(URI url, String serviceSecret, Optional<Path> caFile) {
        public RemoteStore {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(serviceSecret, "serviceSecret");
            Objects.requireNonNull(caFile, "caFile");
        }

        @Override
        public String toString() {
            return "RemoteStore[" + url + "]";
        }
    }

    public EasSettings {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(policiesFile, "policiesFile");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(remoteStore, "remoteStore");
    }

    /**
     * Reads every eas.cfg key. Paths of certificates and the CA file are taken from the data directory, the
     * policies file from the configuration directory (it is configuration, not data).
     */
    public static EasSettings from(ConfigValues cfg, Path dataDir, Path configDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        boolean enabled = cfg.bool("enabled", true);
        ProvisioningMode mode = cfg.choice("provisioning", ProvisioningMode.class, ProvisioningMode.REQUIRED);
        String policiesName = cfg.string("policies_file", "");
        boolean policiesNamed = !policiesName.isBlank();
        Path policies = configDir.toAbsolutePath().normalize().resolve(policiesNamed ? policiesName : "policies.ini");
        int window = cfg.integer("max_window_size", EasConfig.MAX_WINDOW_SIZE, 1, EasConfig.MAX_WINDOW_SIZE);
        int minBeat = cfg.integer("ping_min_heartbeat", 60, 60, 3540);
        int maxBeat = cfg.integer("ping_max_heartbeat", 3540, 60, 3540);
        if (minBeat > maxBeat) {
            throw cfg.bad("ping_min_heartbeat", "must not be above ping_max_heartbeat (" + maxBeat + ")");
        }
        int maxFolders = cfg.integer("ping_max_folders", 300, 1, 100_000);
        int maxCollections = cfg.integer("sync_max_collections", 300, 1, 100_000);
        int searchLimit = cfg.integer("search_time_limit", (int) EasConfig.SEARCH_TIME_LIMIT.toSeconds(), 1, 3600);

        Optional<RemoteStore> remote = Optional.empty();
        String storeServer = cfg.string("store_server", "");
        String storeSecret = cfg.string("store_service_secret", "");
        String storeCa = cfg.string("store_ssl_ca_file", "");
        if (!storeServer.isEmpty()) {
            URI url;
            try {
                url = URI.create(storeServer);
            } catch (IllegalArgumentException e) {
                throw cfg.bad("store_server", "not a URL");
            }
            if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw cfg.bad("store_server", "expected http://HOST:PORT or https://HOST:PORT");
            }
            remote = Optional.of(new RemoteStore(url, storeSecret,
                    storeCa.isEmpty() ? Optional.empty() : Optional.of(readable(cfg, "store_ssl_ca_file", storeCa, data))));
        }

        EasHttpConfig http = http(cfg, data);
        StateSettings state = new StateSettings(
                cfg.choice("state_database", StateDatabase.class, StateDatabase.STORE),
                cfg.string("state_mysql_host", "localhost"), cfg.integer("state_mysql_port", 3306, 1, 65535),
                cfg.string("state_mysql_user", "koppel"), cfg.string("state_mysql_password", ""),
                cfg.string("state_mysql_database", "koppel_eas"), cfg.integer("state_pool_size", 8, 1, 1000),
                cfg.duration("state_cache_time", Duration.ofSeconds(10)),
                cfg.integer("state_cache_devices", 10_000, 0, 10_000_000),
                cfg.duration("state_last_sync_step", Duration.ofMinutes(1)));
        if (state.database() == StateDatabase.STORE && remote.isPresent()) {
            throw cfg.bad("state_database", "\"store\" needs the store in this process; with store_server set, use"
                    + " embedded or mysql");
        }
        String trustStore = cfg.string("validatecert_truststore", "");
        String keyFile = cfg.string("device_password_key_file", "");
        EasConfig gateway = new EasConfig(http, mode, window, Duration.ofSeconds(minBeat), Duration.ofSeconds(maxBeat),
                maxFolders, maxCollections, Duration.ofSeconds(30), Duration.ofSeconds(searchLimit),
                trustStore.isEmpty() ? Optional.empty()
                        : Optional.of(readable(cfg, "validatecert_truststore", trustStore, data)),
                cfg.string("validatecert_truststore_password", ""),
                data.resolve(keyFile.isEmpty() ? EasConfig.DEVICE_PASSWORD_KEY_FILE : keyFile));
        return new EasSettings(enabled, gateway, policies, policiesNamed, state, remote);
    }

    private static EasHttpConfig http(ConfigValues cfg, Path data) {
        EasHttpConfig d = EasHttpConfig.defaults(data);
        Optional<EasHttpConfig.Listen> listen = listen(cfg, "listen", "0.0.0.0:8080");
        Optional<EasHttpConfig.Listen> tls = listen(cfg, "tls_listen", "0.0.0.0:8443");
        if (listen.isEmpty() && tls.isEmpty() && cfg.bool("enabled", true)) {
            throw cfg.bad("listen", "listen and tls_listen are both off; set enabled = no instead");
        }
        String cert = cfg.string("ssl_cert_file", "");
        String key = cfg.string("ssl_key_file", "");
        Optional<EasHttpConfig.TlsFiles> files = Optional.empty();
        if (!cert.isEmpty() || !key.isEmpty()) {
            files = Optional.of(new EasHttpConfig.TlsFiles(readable(cfg, "ssl_cert_file", cert, data),
                    readable(cfg, "ssl_key_file", key, data)));
        }
        long maxRequest = cfg.size("max_request_size", d.maxRequestSize());
        if (maxRequest < 1024) {
            throw cfg.bad("max_request_size", "must be at least 1K");
        }
        String realm = cfg.string("auth_realm", d.realm());
        if (realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0) {
            throw cfg.bad("auth_realm", "must not hold quotes or backslashes");
        }
        DomainHandling domains = cfg.choice("auth_strip_domain", DomainHandling.class, d.domainHandling());
        int perLogin = cfg.integer("login_max_failures", d.loginMaxFailures(), 0, 1_000_000);
        int perAddress = cfg.integer("login_max_failures_per_address", d.loginMaxFailuresPerAddress(), 0, 1_000_000);
        Duration window = cfg.duration("login_failure_window", d.loginFailureWindow());
        if (window.isZero() || window.isNegative()) {
            throw cfg.bad("login_failure_window", "must be positive");
        }
        Set<ProtocolVersion> versions = EnumSet.noneOf(ProtocolVersion.class);
        String versionList = cfg.string("protocol_versions", "12.0,12.1,14.0,14.1,16.0,16.1");
        for (String v : versionList.split(",")) {
            ProtocolVersion pv = ProtocolVersion.fromHeader(v.strip())
                    .filter(EasHttpConfig.SUPPORTED_VERSIONS::contains)
                    .orElseThrow(() -> cfg.bad("protocol_versions", "'" + v.strip() + "' is not one of"
                            + " 12.0,12.1,14.0,14.1,16.0,16.1"));
            versions.add(pv);
        }
        return new EasHttpConfig(listen, tls, files, data, maxRequest, realm, domains, perLogin, perAddress, window,
                versions);
    }

    private static Optional<EasHttpConfig.Listen> listen(ConfigValues cfg, String key, String dflt) {
        String v = cfg.string(key, dflt);
        if (v.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            ListenAddress a = ListenAddress.parse(v);
            return Optional.of(new EasHttpConfig.Listen(a.host(), a.port()));
        } catch (IllegalArgumentException e) {
            throw cfg.bad(key, e.getMessage() + " (or off)");
        }
    }

    private static Path readable(ConfigValues cfg, String key, String value, Path base) {
        Path p = base.resolve(value);
        if (!Files.isReadable(p)) {
            throw cfg.bad(key, p + " is not a readable file");
        }
        return p;
    }

    /**
     * Where device state is kept, as a device-state configuration. The store's own database (server.cfg: its
     * kind, JDBC URL, user and password) is used for {@code state_database = store}.
     */
    public DeviceStateConfig deviceStateConfig(Path dataDir, DatabaseKind storeKind, String storeUrl, String storeUser,
            String storePassword) {
        DeviceStateConfig c = switch (state.database()) {
            case STORE -> DeviceStateConfig.of(storeKind, storeUrl, storeUser, storePassword).sharingStoreDatabase();
            case EMBEDDED -> DeviceStateConfig.embedded(dataDir);
            case MYSQL -> DeviceStateConfig.mysql(state.mysqlHost(), state.mysqlPort(), state.mysqlDatabase(),
                    state.mysqlUser(), state.mysqlPassword());
        };
        return c.withPoolSize(state.poolSize()).withCache(state.cacheTime(), state.cacheDevices())
                .withLastSyncStep(state.lastSyncStep());
    }
}
