package org.koppel.dist.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.koppel.gateway.GatewayConfig;

/** gateway.cfg into typed settings: the shipped file, listeners turned off, and refusals. */
class GatewaySettingsTest {

    private static final Path DATA = Path.of("/var/lib/koppel");

    private static Path shipped() {
        Path shipped = Path.of(System.getProperty("user.dir")).resolveSibling("config");
        return Files.isRegularFile(shipped.resolve("gateway.cfg")) ? shipped : Path.of("config");
    }

    private static GatewaySettings read(String text) {
        return GatewaySettings.from(ConfigValues.of("gateway", new ConfigFileParser().parse("gateway.cfg", text),
                List.of()), DATA);
    }

    @Test
    void shippedGatewayCfgParsesWithoutWarningsAndGivesTheDefaults() {
        ConfigValues cfg = new ConfigDirectory(shipped(), List.of()).load("gateway");
        GatewaySettings s = GatewaySettings.from(cfg, DATA);
        assertEquals(List.of(), cfg.warnings(), "every shipped key is read");
        assertEquals(read(""), s, "the shipped file says the defaults");
        GatewayConfig g = s.config();
        assertTrue(s.enabled());
        assertEquals(Optional.of(new GatewayConfig.ListenAddress("0.0.0.0", 1143)), g.imapListen());
        assertEquals(Optional.of(new GatewayConfig.ListenAddress("0.0.0.0", 1993)), g.imapsListen());
        assertEquals(Optional.of(new GatewayConfig.ListenAddress("0.0.0.0", 1110)), g.pop3Listen());
        assertEquals(Optional.of(new GatewayConfig.ListenAddress("0.0.0.0", 1995)), g.pop3sListen());
        assertEquals(Optional.empty(), g.tls(), "a self-signed certificate by default");
        assertTrue(g.disablePlaintextAuth());
        assertEquals(Duration.ofMinutes(30), g.imapIdleTimeout());
        assertEquals(Duration.ofMinutes(10), g.pop3IdleTimeout());
        assertEquals(64L << 20, g.maxLiteralSize());
        assertEquals(5, g.loginMaxFailures());
        assertTrue(g.onlyMailFolders());
        assertTrue(g.publicFolders());
        assertEquals(Optional.empty(), s.logLevel());
    }

    @Test
    void listenersTurnOffAndLimitsAreChecked() {
        GatewaySettings s = read("imaps_listen = off\npop3_listen = OFF\nimap_listen = [::1]:143\n"
                + "disable_plaintext_auth = no\nmax_message_size = 10M\n");
        assertEquals(Optional.empty(), s.config().imapsListen());
        assertEquals(Optional.empty(), s.config().pop3Listen());
        assertEquals(Optional.of(new GatewayConfig.ListenAddress("::1", 143)), s.config().imapListen());
        assertFalse(s.config().disablePlaintextAuth());
        assertEquals(10L << 20, s.config().maxLiteralSize());
        assertThrows(ConfigException.class, () -> read("imap_listen = nowhere"));
        assertThrows(ConfigException.class, () -> read("max_message_size = 12"));
        assertThrows(ConfigException.class, () -> read("imap_idle_timeout = 1s"));
        assertThrows(ConfigException.class, () -> read("ssl_cert_file = /nonexistent.pem"));
    }
}
