package org.koppel.dist.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.eas.gateway.EasConfig;
import org.koppel.eas.http.EasHttpConfig;
import org.koppel.eas.provision.PolicySetting;
import org.koppel.eas.provision.PolicyValue;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.eas.provisioning.ProvisioningMode;
import org.koppel.eas.state.DatabaseKind;
import org.koppel.eas.state.DeviceStateConfig;

/** eas.cfg into typed settings, and policies.ini into the device policy: the shipped files and refusals. */
class EasSettingsTest {

    private static final Path DATA = Path.of("/var/lib/koppel");
    private static final Path CONFIG = Path.of("/etc/koppel");

    private static Path shipped() {
        Path shipped = Path.of(System.getProperty("user.dir")).resolveSibling("config");
        return Files.isRegularFile(shipped.resolve("eas.cfg")) ? shipped : Path.of("config");
    }

    private static EasSettings read(String text) {
        return EasSettings.from(ConfigValues.of("eas", new ConfigFileParser().parse("eas.cfg", text), List.of()),
                DATA, CONFIG);
    }

    @Test
    void shippedEasCfgParsesWithoutWarningsAndGivesTheDefaults() {
        ConfigValues cfg = new ConfigDirectory(shipped(), List.of()).load("eas");
        EasSettings s = EasSettings.from(cfg, DATA, CONFIG);
        assertEquals(List.of(), cfg.warnings(), "every shipped key is read");
        assertTrue(s.enabled());
        EasConfig g = s.gateway();
        assertEquals(EasConfig.defaults(EasHttpConfig.defaults(DATA)), g, "the shipped file says the defaults");
        assertEquals(ProvisioningMode.REQUIRED, g.provisioning());
        assertEquals(512, g.maxWindowSize());
        assertEquals(Duration.ofSeconds(60), g.pingMinHeartbeat());
        assertEquals(Duration.ofSeconds(3540), g.pingMaxHeartbeat());
        assertEquals(300, g.pingMaxFolders());
        assertEquals(300, g.syncMaxCollections());
        assertEquals(Duration.ofSeconds(10), g.searchTimeLimit());
        assertEquals(CONFIG.resolve("policies.ini"), s.policiesFile());
        assertEquals(Optional.empty(), s.remoteStore());
        assertEquals(EasSettings.StateDatabase.STORE, s.state().database());
        DeviceStateConfig state = s.deviceStateConfig(DATA, DatabaseKind.H2, "jdbc:h2:mem:x", "koppel", "");
        assertTrue(state.sharesStoreDatabase());
        assertEquals("jdbc:h2:mem:x", state.jdbcUrl());
        assertEquals(Duration.ofSeconds(10), state.cacheTtl());
    }

    @Test
    void shippedPoliciesIniHoldsEverySettingAndChangesNothingOnAPhone() {
        DevicePolicy p = PolicyFile.read(shipped().resolve("policies.ini"));
        assertEquals(PolicySetting.values().length, p.settings().values().size(), "every setting is documented");
        assertEquals(Optional.of(false), p.settings().flag(PolicySetting.DEVICE_PASSWORD_ENABLED));
        assertEquals(Optional.of(new PolicyValue.NoLimit()), p.settings().get(PolicySetting.MAX_ATTACHMENT_SIZE));
        assertEquals(List.of(), p.settings().applications(PolicySetting.APPROVED_APPLICATION_LIST));
    }

    @Test
    void aMissingPoliciesFileIsAnEmptyPolicyUnlessEasCfgNamedIt(@org.junit.jupiter.api.io.TempDir Path dir) {
        EasSettings unnamed = read("");
        assertFalse(unnamed.policiesFileNamed());
        DevicePolicy empty = PolicyFile.read(dir.resolve("policies.ini"), unnamed.policiesFileNamed());
        assertEquals(0, empty.settings().values().size(), "no settings: what a phone assumes without a policy");
        EasSettings named = read("policies_file = strict.ini\n");
        assertTrue(named.policiesFileNamed());
        assertThrows(ConfigException.class, () -> PolicyFile.read(dir.resolve("strict.ini"), true),
                "a policy the administrator named must not silently fall back to none");
    }

    @Test
    void gatewayValuesAreReadAndChecked() {
        EasSettings s = read("enabled = no\nprovisioning = optional\nmax_window_size = 100\nping_min_heartbeat = 120\n"
                + "sync_max_collections = 20\n"
                + "listen = 127.0.0.1:18080\ntls_listen = off\nstate_database = embedded\n"
                + "store_server = https://store.example.org:2361\nstore_service_secret = s3cret\n"
                + "search_time_limit = 30\n");
        assertFalse(s.enabled());
        assertEquals(Duration.ofSeconds(30), s.gateway().searchTimeLimit());
        assertEquals(ProvisioningMode.OPTIONAL, s.gateway().provisioning());
        assertEquals(100, s.gateway().maxWindowSize());
        assertEquals(Duration.ofSeconds(120), s.gateway().pingMinHeartbeat());
        assertEquals(20, s.gateway().syncMaxCollections());
        assertEquals(Optional.of(new EasHttpConfig.Listen("127.0.0.1", 18080)), s.gateway().http().listen());
        assertEquals(Optional.empty(), s.gateway().http().tlsListen());
        assertEquals("s3cret", s.remoteStore().orElseThrow().serviceSecret());
        assertFalse(s.deviceStateConfig(DATA, DatabaseKind.H2, "x", "", "").sharesStoreDatabase());

        assertThrows(ConfigException.class, () -> read("provisioning = loose\n"));
        assertThrows(ConfigException.class, () -> read("max_window_size = 513\n"));
        assertThrows(ConfigException.class, () -> read("sync_max_collections = 0\n"));
        assertThrows(ConfigException.class, () -> read("ping_min_heartbeat = 30\n"));
        assertThrows(ConfigException.class, () -> read("search_time_limit = 0\n"));
        assertThrows(ConfigException.class, () -> read("ping_min_heartbeat = 600\nping_max_heartbeat = 300\n"));
        assertThrows(ConfigException.class, () -> read("listen = off\ntls_listen = off\n"));
        assertThrows(ConfigException.class, () -> read("store_server = ftp://store\nstate_database = embedded\n"));
        ConfigException shared = assertThrows(ConfigException.class,
                () -> read("store_server = http://store.example.org:2360\n"));
        assertTrue(shared.getMessage().contains("state_database"), shared.getMessage());
        assertThrows(ConfigException.class, () -> read("protocol_versions = 12.1,2.5\n"));
    }

    @Test
    void settingsAndValidateCertKeys(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        EasSettings d = read("");
        assertEquals(Optional.empty(), d.gateway().validateCertTrustStore(), "the runtime's CAs");
        assertEquals(DATA.resolve("eas-device-password.key"), d.gateway().devicePasswordKeyFile());
        Path pem = Files.writeString(dir.resolve("cas.pem"), "-----BEGIN CERTIFICATE-----\n");
        EasSettings s = EasSettings.from(ConfigValues.of("eas", new ConfigFileParser().parse("eas.cfg",
                "validatecert_truststore = " + pem + "\nvalidatecert_truststore_password = pw\n"
                        + "device_password_key_file = keys/device.key\n"), List.of()), dir, CONFIG);
        assertEquals(Optional.of(pem), s.gateway().validateCertTrustStore());
        assertEquals("pw", s.gateway().validateCertTrustStorePassword());
        assertEquals(dir.toAbsolutePath().normalize().resolve("keys/device.key"), s.gateway().devicePasswordKeyFile());
        assertThrows(ConfigException.class, () -> read("validatecert_truststore = /nonexistent/cas.pem\n"));
    }

    @Test
    void policiesIniRefusalsNameTheLine() {
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> PolicyFile.parse("policies.ini", "[default]\nAllowCamera = 1\nAllowTeleporter = 1\n"));
        assertTrue(unknown.getMessage().startsWith("policies.ini:3:"), unknown.getMessage());
        ConfigException range = assertThrows(ConfigException.class,
                () -> PolicyFile.parse("policies.ini", "[default]\nMinDevicePasswordLength = 40\n"));
        assertTrue(range.getMessage().startsWith("policies.ini:2:"), range.getMessage());
        assertThrows(ConfigException.class, () -> PolicyFile.parse("policies.ini", "AllowCamera = 1\n"));
        assertThrows(ConfigException.class, () -> PolicyFile.parse("policies.ini", "[other]\nAllowCamera = 1\n"));
        assertThrows(ConfigException.class,
                () -> PolicyFile.parse("policies.ini", "[default]\nAllowCamera = 1\nAllowCamera = 0\n"));
        DevicePolicy a = PolicyFile.parse("p", "[default]\nAllowCamera = 1\n[user:carol]\nAllowCamera = 0\n");
        DevicePolicy b = PolicyFile.parse("p", "[default]\nAllowCamera = 0\n");
        assertEquals(Optional.of(true), a.settings().flag(PolicySetting.ALLOW_CAMERA), "only [default] is read");
        assertNotEquals(a.hash(), b.hash(), "a changed policy has another fingerprint");
    }
}
