package org.koppel.dist.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.spooler.SpoolerConfig;

class SpoolerSettingsTest {

    private static SpoolerConfig read(String text) {
        return SpoolerSettings.from(ConfigValues.of("spooler", new ConfigFileParser().parse("spooler.cfg", text),
                List.of()));
    }

    @Test
    void shippedSpoolerCfgParsesWithoutWarningsAndGivesTheDefaults() throws Exception {
        Path shipped = Path.of(System.getProperty("user.dir")).resolveSibling("config");
        if (!Files.isRegularFile(shipped.resolve("spooler.cfg"))) {
            shipped = Path.of("config");
        }
        ConfigValues cfg = new ConfigDirectory(shipped, List.of()).load("spooler");
        SpoolerConfig c = SpoolerSettings.from(cfg);
        assertEquals(List.of(), cfg.warnings());
        SpoolerConfig d = SpoolerConfig.defaults();
        assertEquals(d.enabled(), c.enabled());
        assertEquals("127.0.0.1", c.smtpHost());
        assertEquals(25, c.smtpPort());
        assertEquals(SpoolerConfig.StartTls.OPPORTUNISTIC, c.startTls());
        assertFalse(c.authenticates());
        assertEquals(4, c.maxParallelSends());
        assertEquals(Duration.ofDays(2), c.retryMaxAge());
    }

    @Test
    void valuesAreReadAndChecked() {
        SpoolerConfig c = read("smtp_server = mx.example.org\nsmtp_port = 587\nsmtp_starttls = required\n"
                + "smtp_username = relay\nsmtp_password = pw\nmax_parallel_sends = 8\nretry_max_age = 5d\nenabled = no\n");
        assertEquals("mx.example.org", c.smtpHost());
        assertEquals(587, c.smtpPort());
        assertEquals(SpoolerConfig.StartTls.REQUIRED, c.startTls());
        assertEquals("relay", c.smtpUsername());
        assertEquals(8, c.maxParallelSends());
        assertEquals(Duration.ofDays(5), c.retryMaxAge());
        assertFalse(c.enabled());
        assertThrows(ConfigException.class, () -> read("smtp_starttls = maybe\n"));
        assertThrows(ConfigException.class, () -> read("smtp_username = relay\n"));
        assertThrows(ConfigException.class, () -> read("max_parallel_sends = 0\n"));
        assertThrows(ConfigException.class, () -> read("retry_max_age = 10s\n"));
    }
}
