package org.koppel.dist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.koppel.store.client.Quota;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.EngineConfig;

class ConfigReaderTest {

    private static Path resources() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ConfigReaderTest.class.getResource("/config/sample.cfg")).toURI()).getParent();
    }

    private static ConfigValues sample(List<String> overrides) throws URISyntaxException {
        return new ConfigDirectory(resources(), overrides.stream().map(ConfigOverride::parse).toList()).load("sample");
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndValuesTrimmed() throws Exception {
        ConfigValues cfg = sample(List.of());
        assertEquals("db.example.org", cfg.string("mysql_host", "x"));
        assertEquals(3307, cfg.integer("mysql_port", 3306, 1, 65535));
        // only whole lines are comments: '#' and '=' inside a value are kept
        assertEquals("p#ss=word", cfg.raw("mysql_password").orElseThrow());
        // an empty value means the default
        assertEquals("koppel", cfg.string("mysql_user", "koppel"));
        assertEquals("", cfg.raw("mysql_user").orElseThrow());
    }

    @Test
    void sizesAndDurationsTakeUnits() throws Exception {
        ConfigValues cfg = sample(List.of());
        assertEquals(64L << 20, cfg.size("max_attachment_size", 0));
        assertEquals(1L << 30, cfg.size("quota_hard", 0));
        assertEquals(512L << 20, cfg.size("quota_soft", 0));
        assertEquals(256L << 10, cfg.size("quota_warn", 0));
        assertEquals(Duration.ofMinutes(10), cfg.duration("login_failure_window", Duration.ZERO));
        assertEquals(Duration.ofHours(2), cfg.duration("attachment_purge_grace", Duration.ZERO));
        assertEquals(7L << 10, cfg.size("absent", 7L << 10));

        assertEquals(512, ConfigValues.parseSize("512"));
        assertEquals(10L << 10, ConfigValues.parseSize("10KB"));
        assertEquals(2L << 30, ConfigValues.parseSize("2 GiB"));
        assertEquals(1L << 40, ConfigValues.parseSize("1T"));
        assertEquals(Duration.ofSeconds(45), ConfigValues.parseDuration("45"));
        assertEquals(Duration.ofSeconds(30), ConfigValues.parseDuration("30s"));
        assertEquals(Duration.ofMillis(250), ConfigValues.parseDuration("250ms"));
        assertEquals(Duration.ofDays(7), ConfigValues.parseDuration("7d"));
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.parseSize("8Q"));
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.parseSize("-1M"));
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.parseSize("99999999999999T"));
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.parseDuration("5 minutes"));
    }

    @Test
    void badValueNamesFileLineAndKey() throws Exception {
        ConfigValues cfg = sample(List.of());
        ConfigException e = assertThrows(ConfigException.class, () -> cfg.integer("mysql_host", 0, 0, 10));
        assertTrue(e.getMessage().matches(".*sample\\.cfg:5: mysql_host 'db.example.org': expected a whole number"),
                e.getMessage());
    }

    @Test
    void commandLineOverridesWinOverTheFile() throws Exception {
        ConfigValues cfg = sample(List.of("sample.mysql_port=4000", "sample.log_level = warn", "other.mysql_port=1"));
        assertEquals(4000, cfg.integer("mysql_port", 3306, 1, 65535));
        assertEquals(LogLevel.WARN, cfg.choice("log_level", LogLevel.class, LogLevel.INFO));
        ConfigException e = assertThrows(ConfigException.class, () -> cfg.integer("mysql_port", 0, 1, 100));
        assertTrue(e.getMessage().startsWith("command line (--set sample.mysql_port=4000)"), e.getMessage());
    }

    @Test
    void overrideSyntaxAndFileAreChecked() throws Exception {
        ConfigOverride o = ConfigOverride.parse("server.server_listen=127.0.0.1:12360");
        assertEquals(new ConfigOverride("server", "server_listen", "127.0.0.1:12360"), o);
        assertEquals("", ConfigOverride.parse("server.service_secret=").value());
        assertThrows(ConfigException.class, () -> ConfigOverride.parse("server_listen=1"));
        assertThrows(ConfigException.class, () -> ConfigOverride.parse("server.=1"));
        ConfigDirectory dir = new ConfigDirectory(resources(), List.of(ConfigOverride.parse("sever.log_level=debug")));
        ConfigException e = assertThrows(ConfigException.class, () -> dir.requireOverridesFor(Set.of("server")));
        assertTrue(e.getMessage().contains("sever.cfg"), e.getMessage());
    }

    @Test
    void unknownKeysAreWarningsWithFileAndLine() throws Exception {
        ConfigValues cfg = sample(List.of("sample.typo_key=1"));
        ServerSettings.from(cfg, Path.of("/tmp/data"));
        List<String> warnings = cfg.warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).matches(".*sample\\.cfg:17: unknown key 'no_such_setting'.*"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("command line (--set sample.typo_key=1): unknown key 'typo_key'"),
                warnings.get(1));
    }

    @Test
    void keySetTwiceKeepsTheLastValueWithAWarning() {
        ConfigValues cfg = ConfigValues.of("t", new ConfigFileParser().parse("t.cfg", "a = 1\na = 2\n"), List.of());
        assertEquals(2, cfg.integer("a", 0, 0, 9));
        assertEquals(List.of("t.cfg:2: a is set again; the earlier value at t.cfg:1 is ignored"), cfg.warnings());
    }

    @Test
    void malformedLinesAreErrorsWithFileAndLine() throws Exception {
        Path file = resources().resolve("malformed.cfg");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigFileParser().parse(file));
        assertEquals(file + ":2: expected 'key = value', found 'this line has no equals sign'", e.getMessage());

        ConfigException badKey = assertThrows(ConfigException.class,
                () -> new ConfigFileParser().parse("x.cfg", "# fine\nmy key = 1\n"));
        assertEquals("x.cfg:2: 'my key' is not a key (letters, digits and _ only)", badKey.getMessage());
    }

    @Test
    void serverSettingsMapOntoDatabaseAndEngineConfig() throws Exception {
        ServerSettings s = ServerSettings.from(sample(List.of()), Path.of("/tmp/data"));
        assertEquals(DatabaseEngine.MYSQL, s.databaseEngine());
        assertEquals(DatabaseKind.MYSQL, s.databaseConfig().kind());
        assertTrue(s.databaseConfig().jdbcUrl().startsWith("jdbc:mysql://db.example.org:3307/koppel?"));
        assertEquals(new ListenAddress("::1", 12360), s.serverListen());
        assertEquals(Path.of("/tmp/data/attachments"), s.attachmentPath());
        EngineConfig engine = s.engineConfig("secret");
        assertEquals(new Quota(256L << 10, 512L << 20, 1L << 30), engine.defaultQuota());
        assertEquals(64L << 20, engine.maxAttachmentBytes());
        assertEquals(Duration.ofMinutes(10), engine.loginFailureWindow());
        assertEquals("secret", engine.serviceSecret());
        assertTrue(!s.toString().contains("p#ss"), "password must not be printed");
    }

    @Test
    void smallAttachmentSizeIsReadAndBounded() {
        java.util.function.Function<String, ServerSettings> read = text -> ServerSettings.from(
                ConfigValues.of("server", new ConfigFileParser().parse("server.cfg", text), List.of()), Path.of("/tmp/data"));
        assertEquals(16L << 10, read.apply("attachment_small_size = 16K\n").engineConfig("").smallAttachmentBytes());
        assertEquals(0, read.apply("attachment_small_size = 0\n").engineConfig("").smallAttachmentBytes());
        assertEquals(1L << 20, read.apply("attachment_small_size = 1M\n").engineConfig("").smallAttachmentBytes());
        assertThrows(ConfigException.class, () -> read.apply("attachment_small_size = 2M\n"));
    }

    @Test
    void shippedServerCfgParsesWithoutWarningsAndGivesTheDefaults(@TempDir Path data) throws Exception {
        Path shipped = Path.of(System.getProperty("user.dir")).resolveSibling("config");
        if (!Files.isRegularFile(shipped.resolve("server.cfg"))) {
            shipped = Path.of("config"); // run from the repository root
        }
        ConfigValues cfg = new ConfigDirectory(shipped, List.of()).load("server");
        ServerSettings s = ServerSettings.from(cfg, data);
        assertEquals(List.of(), cfg.warnings());
        ServerSettings defaults = ServerSettings.from(ConfigValues.of("server", List.of(), List.of()), data);
        assertEquals(defaults, s);
        assertEquals(DatabaseKind.H2, s.databaseConfig().kind());
        EngineConfig d = EngineConfig.defaults();
        assertEquals(d, s.engineConfig(""));
        assertEquals(new ListenAddress("127.0.0.1", 2360), s.serverListen());
    }
}
