package org.koppel.eas.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.http.EasHttpConfig;
import org.koppel.eas.provisioning.ProvisioningMode;

/**
 * The gateway's own settings (eas.cfg, sections "HTTP" and "Gateway"), read once at start by {@code dist}.
 * Where the store and device state live is {@code dist}'s business and not here.
 *
 * @param http the listeners and the HTTP layer's limits
 * @param provisioning {@code provisioning}: how strictly devices must accept the policy
 * @param maxWindowSize {@code max_window_size}: the most items one Sync response carries per collection,
 *     whatever WindowSize the device asks for
 * @param pingMinHeartbeat {@code ping_min_heartbeat}: the shortest Ping heartbeat accepted
 * @param pingMaxHeartbeat {@code ping_max_heartbeat}: the longest
 * @param pingMaxFolders {@code ping_max_folders}: the most folders one Ping may watch
 * @param syncMaxCollections {@code sync_max_collections}: the most collections one Sync may name (more:
 *     Status 15)
 * @param retryAfter what a 503 asks a device to wait when the store or device state cannot answer
 * @param searchTimeLimit {@code search_time_limit}: how long one mailbox Search or Find may scan before it
 *     answers "timed out"
 * @param validateCertTrustStore {@code validatecert_truststore}: the CAs ValidateCert trusts (a PEM file or a
 *     PKCS #12/JKS key store); empty: the Java runtime's
 * @param validateCertTrustStorePassword {@code validatecert_truststore_password}: its password, "" for none
 * @param devicePasswordKeyFile {@code device_password_key_file}: the AES key that seals the recovery passwords
 *     of Settings DevicePassword in device state, made on first start
 */
public record EasConfig(EasHttpConfig http, ProvisioningMode provisioning, int maxWindowSize,
        Duration pingMinHeartbeat, Duration pingMaxHeartbeat, int pingMaxFolders, int syncMaxCollections,
        Duration retryAfter, Duration searchTimeLimit, Optional<Path> validateCertTrustStore,
        String validateCertTrustStorePassword, Path devicePasswordKeyFile) {

    /** The default {@code search_time_limit}. */
    public static final Duration SEARCH_TIME_LIMIT = Duration.ofSeconds(10);

    /** The key file's name in the data directory when eas.cfg names none. */
    public static final String DEVICE_PASSWORD_KEY_FILE = "eas-device-password.key";

    /** MS-ASCMD: a Sync WindowSize is at most 512. */
    public static final int MAX_WINDOW_SIZE = 512;
    /** MS-ASCMD: the Ping and Sync heartbeat is 60 to 3540 seconds. */
    public static final Duration HEARTBEAT_FLOOR = Duration.ofSeconds(60);
    public static final Duration HEARTBEAT_CEILING = Duration.ofSeconds(3540);

    public EasConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(pingMinHeartbeat, "pingMinHeartbeat");
        Objects.requireNonNull(pingMaxHeartbeat, "pingMaxHeartbeat");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(validateCertTrustStore, "validateCertTrustStore");
        Objects.requireNonNull(validateCertTrustStorePassword, "validateCertTrustStorePassword");
        Objects.requireNonNull(devicePasswordKeyFile, "devicePasswordKeyFile");
        if (maxWindowSize < 1 || maxWindowSize > MAX_WINDOW_SIZE) {
            throw new IllegalArgumentException("max_window_size must be 1 to " + MAX_WINDOW_SIZE);
        }
        if (pingMinHeartbeat.compareTo(HEARTBEAT_FLOOR) < 0 || pingMaxHeartbeat.compareTo(HEARTBEAT_CEILING) > 0
                || pingMinHeartbeat.compareTo(pingMaxHeartbeat) > 0) {
            throw new IllegalArgumentException("ping_min_heartbeat and ping_max_heartbeat must satisfy 60 <= min <= max"
                    + " <= 3540 seconds");
        }
        if (pingMaxFolders < 1) {
            throw new IllegalArgumentException("ping_max_folders must be at least 1");
        }
        if (syncMaxCollections < 1) {
            throw new IllegalArgumentException("sync_max_collections must be at least 1");
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
        Objects.requireNonNull(searchTimeLimit, "searchTimeLimit");
        if (searchTimeLimit.isNegative() || searchTimeLimit.isZero()) {
            throw new IllegalArgumentException("search_time_limit must be positive");
        }
    }

    /** The shipped defaults over the given HTTP settings. */
    public static EasConfig defaults(EasHttpConfig http) {
        return new EasConfig(http, ProvisioningMode.REQUIRED, MAX_WINDOW_SIZE, HEARTBEAT_FLOOR, HEARTBEAT_CEILING, 300,
                300, Duration.ofSeconds(30), SEARCH_TIME_LIMIT, Optional.empty(), "",
                http.dataDir().resolve(DEVICE_PASSWORD_KEY_FILE));
    }

    public EasConfig withProvisioning(ProvisioningMode mode) {
        return new EasConfig(http, mode, maxWindowSize, pingMinHeartbeat, pingMaxHeartbeat, pingMaxFolders,
                syncMaxCollections, retryAfter, searchTimeLimit, validateCertTrustStore, validateCertTrustStorePassword,
                devicePasswordKeyFile);
    }

    public EasConfig withSearchTimeLimit(Duration limit) {
        return new EasConfig(http, provisioning, maxWindowSize, pingMinHeartbeat, pingMaxHeartbeat, pingMaxFolders,
                syncMaxCollections, retryAfter, limit, validateCertTrustStore, validateCertTrustStorePassword,
                devicePasswordKeyFile);
    }

    /** Without the trust store's password, so that logging the configuration does not show it. */
    @Override
    public String toString() {
        return "EasConfig[http=" + http + ", provisioning=" + provisioning + ", maxWindowSize=" + maxWindowSize
                + ", pingMinHeartbeat=" + pingMinHeartbeat + ", pingMaxHeartbeat=" + pingMaxHeartbeat
                + ", pingMaxFolders=" + pingMaxFolders + ", syncMaxCollections=" + syncMaxCollections
                + ", retryAfter=" + retryAfter + ", searchTimeLimit=" + searchTimeLimit + ", validateCertTrustStore="
                + validateCertTrustStore + ", devicePasswordKeyFile=" + devicePasswordKeyFile + "]";
    }

    /** The same, with ValidateCert trusting the CAs of {@code trustStore}. */
    public EasConfig withValidateCertTrustStore(Optional<Path> trustStore, String password) {
        return new EasConfig(http, provisioning, maxWindowSize, pingMinHeartbeat, pingMaxHeartbeat, pingMaxFolders,
                syncMaxCollections, retryAfter, searchTimeLimit, trustStore, password, devicePasswordKeyFile);
    }
}
