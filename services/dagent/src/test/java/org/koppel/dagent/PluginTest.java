package org.koppel.dagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koppel.dagent.delivery.Delivery;
import org.koppel.dagent.delivery.RuleSettings;
import org.koppel.dagent.delivery.SpamRule;
import org.koppel.dagent.lmtp.LmtpServer;
import org.koppel.dagent.plugin.DeliveryPlugin;
import org.koppel.dagent.plugin.PluginLoader;
import org.koppel.dagent.plugin.PublicFolderPlugin;
import org.koppel.store.api.Folder;
import org.koppel.store.api.Server;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.WellKnownFolder;

/**
 * Delivery plugins over LMTP on a real socket: a plugin jar compiled and packed by the test and loaded from a
 * directory (retry-later is 451, stop-failure 550), and the built-in public-folder plugin.
 */
class PluginTest {

    private DagentFixture f;
    private Delivery delivery;
    private LmtpServer lmtp;

    @BeforeEach
    void start() throws IOException {
        f = DagentFixture.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (lmtp != null) {
            lmtp.close(Duration.ofSeconds(5));
            delivery.close();
        }
        f.close();
    }

    private void startAgent(List<DeliveryPlugin> plugins) throws Exception {
        delivery = new Delivery(f.engine, new Credentials.Service("koppel-dagent", DagentFixture.SECRET, ""),
                new SpamRule("X-Spam-Status", "Yes"), f.dir(), Duration.ofDays(1), RuleSettings.defaults(), plugins);
        lmtp = LmtpServer.start(f.config(), delivery);
    }

    /** Compiles the plugin source with the JDK's javac against the test class path and packs it with its service file. */
    private Path pluginDir() throws IOException {
        Path src = f.dir().resolve("plugin-src/example/gate");
        Files.createDirectories(src);
        try (InputStream in = PluginTest.class.getResourceAsStream("/plugin/GatePlugin.java.txt")) {
            Files.write(src.resolve("GatePlugin.java"), in.readAllBytes());
        }
        Path classes = f.dir().resolve("plugin-classes");
        Files.createDirectories(classes);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), src.resolve("GatePlugin.java").toString());
        assertEquals(0, rc, "javac");
        Path dir = f.dir().resolve("plugins");
        Files.createDirectories(dir);
        try (OutputStream file = Files.newOutputStream(dir.resolve("gate.jar"));
                JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + DeliveryPlugin.class.getName()));
            jar.write("example.gate.GatePlugin\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(p));
                    jar.closeEntry();
                }
            }
        }
        Files.writeString(dir.resolve("README.txt"), "not a jar: ignored");
        return dir;
    }

    @Test
    void aPluginFromAJarDirectoryDefersAndRefuses() throws Exception {
        List<DeliveryPlugin> loaded = PluginLoader.load(pluginDir());
        assertEquals(1, loaded.size());
        assertEquals("gate", loaded.get(0).name());
        startAgent(loaded);
        try (LmtpClient c = new LmtpClient(lmtp.port())) {
            List<String> replies = c.send("sender@example.net", List.of("alice@example.org", "bob@example.org"),
                    RulesTest.eml("plain.eml"));
            assertTrue(replies.get(0).startsWith("250 2.0.0"), replies.get(0));
            assertTrue(replies.get(1).startsWith("451 4.3.0") && replies.get(1).contains("gate"), replies.get(1));
            List<String> refused = c.send("spammer@example.net", List.of("alice@example.org"),
                    RulesTest.eml("plain.eml"));
            assertTrue(refused.get(0).startsWith("550 5.7.1"), refused.get(0));
        }
        assertEquals(1, f.messages("alice", WellKnownFolder.INBOX).size());
        assertEquals(0, f.messages("bob", WellKnownFolder.INBOX).size());
    }

    @Test
    void aMissingPluginDirectoryIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> PluginLoader.load(f.dir().resolve("no-such-dir")));
    }

    @Test
    void publicFolderPluginDeliversByAddress() throws Exception {
        Server server = new Server(f.admin);
        Folder sales = server.publicStore().subtree().createFolder("Sales").createFolder("Inbound");
        startAgent(List.of(new PublicFolderPlugin(Map.of("Sales@Example.org", "Sales/Inbound",
                "support@example.org", "Support"))));
        try (LmtpClient c = new LmtpClient(lmtp.port())) {
            List<String> replies = c.send("customer@example.net", List.of("sales@example.org", "alice@example.org"),
                    RulesTest.eml("sales.eml"));
            assertTrue(replies.get(0).startsWith("250") && replies.get(0).contains("public-folder"), replies.get(0));
            assertTrue(replies.get(1).startsWith("250"), replies.get(1));
            // The folder of support@ does not exist yet: the MTA is told to try again, nothing is lost.
            List<String> deferred = c.send("customer@example.net", List.of("support@example.org"),
                    RulesTest.eml("sales.eml"));
            assertTrue(deferred.get(0).startsWith("451"), deferred.get(0));
            c.command("MAIL FROM:<customer@example.net>");
            assertTrue(c.command("RCPT TO:<nobody@example.org>").startsWith("550"), "other addresses stay unknown");
            c.command("RSET");
        }
        assertEquals(1, sales.count());
        assertEquals("Request for a quote", sales.items().iterator().next().subject());
        assertEquals(1, f.messages("alice", WellKnownFolder.INBOX).size());
    }
}
