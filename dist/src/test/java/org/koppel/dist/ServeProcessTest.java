package org.koppel.dist;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Session;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.WellKnownFolder;
import org.koppel.store.client.soap.SoapStoreServer;

/**
 * {@code koppel serve} as a real process: it starts with embedded defaults and a TLS listener, answers
 * /health, koppel admin and the SOAP client (over HTTPS and plain HTTP), stops cleanly on SIGTERM, and starts
 * again with its data intact.
 */
class ServeProcessTest {

    @Test
    void serveAdministerStopAndRestartWithDataIntact() throws Exception {
        Path data = Files.createTempDirectory("koppel-serve");
        int port = ServeProcess.freePort();
        int tlsPort = ServeProcess.freePort();
        int lmtpPort = ServeProcess.freePort();
        int easPort = ServeProcess.freePort();
        makeCertificates(data);
        try {
            Process first = start(data, port, tlsPort, lmtpPort, easPort);
            try {
                awaitHealth(port, first);
                ServeProcess.awaitListening(easPort, first, java.time.Duration.ofSeconds(60));
                demoReachesActiveSync(data, easPort);
                assertEquals(0, admin(port, data, "user", "add", "erin", "--email", "erin@example.org",
                        "--password", "erin-pw").exit(), "user add");
                assertEquals(List.of("250 2.0.0 <erin@example.org> delivered (Inbox)"), ServeProcess.lmtpDeliver(lmtpPort,
                        "erin@example.org", "Subject: over LMTP\r\n\r\nhello\r\n"), "the dagent runs in serve");
                // koppel admin over the TLS listener, trusting the store's certificate with --ca-file.
                ServeProcess.AdminRun overTls = ServeProcess.admin("https://127.0.0.1:" + tlsPort, data, "--ca-file", data.resolve("ca.crt").toString(),
                        "user", "show", "erin");
                assertEquals(0, overTls.exit(), overTls.err());
                assertTrue(overTls.out().contains("erin@example.org"), overTls.out());
                ServeProcess.AdminRun untrusted = ServeProcess.admin("https://127.0.0.1:" + tlsPort, data, "user", "list");
                assertEquals(1, untrusted.exit(), "the JDK's CAs do not know the test CA");
                // The SOAP client over the TLS listener, trusting the store's certificate.
                javax.net.ssl.SSLContext tls = org.koppel.store.client.tls.ClientTls.context(
                        java.util.Optional.of(data.resolve("ca.crt")), java.util.Optional.empty(),
                        java.util.Optional.empty());
                try (SoapStoreServer store = SoapStoreServer.connect(SoapStoreServer.Endpoint
                        .of(URI.create("https://127.0.0.1:" + tlsPort)).withTls(tls));
                        Session erin = store.logon(new Credentials.Password("erin", "erin-pw"))) {
                    EntryId drafts = erin.stores().openOwn().folder(WellKnownFolder.DRAFTS);
                    erin.messages().create(drafts, MessageContent.of(List.of(PropValue.of(PropTags.PR_SUBJECT,
                            "written over SOAP and TLS"))));
                }
            } finally {
                ServeProcess.stop(first);
            }
            // 143 = 128 + SIGTERM: how a JVM reports a stop by signal after its shutdown hooks ran.
            assertTrue(first.exitValue() == 0 || first.exitValue() == 143, "exit " + first.exitValue());
            String log = Files.readString(data.resolve("serve.log"));
            assertTrue(log.contains("Stopped"), log);

            Process second = start(data, port, tlsPort, lmtpPort, easPort);
            try {
                awaitHealth(port, second);
                ServeProcess.AdminRun show = admin(port, data, "user", "show", "erin");
                assertEquals(0, show.exit(), show.err());
                assertTrue(show.out().contains("erin@example.org"), show.out());
                try (SoapStoreServer store = SoapStoreServer.connect(URI.create("http://127.0.0.1:" + port));
                        Session erin = store.logon(new Credentials.Password("erin", "erin-pw"))) {
                    EntryId drafts = erin.stores().openOwn().folder(WellKnownFolder.DRAFTS);
                    var rows = erin.contents().query(drafts, new TableQuery(List.of(PropTags.PR_SUBJECT),
                            java.util.Optional.empty(), org.koppel.mapi.SortOrderSet.none(), 0, 10, false));
                    assertEquals(1, rows.totalRows(), "the message survived the restart");
                    assertEquals("written over SOAP and TLS", rows.rows().get(0).values().get(0).javaValue());
                }
            } finally {
                ServeProcess.stop(second);
            }
        } finally {
            try (var walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A CA and the store's certificate for 127.0.0.1, made by the real openssl, into the data directory. */
    private static void makeCertificates(Path dir) throws Exception {
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "ca.key", "-subj", "/CN=Test CA", "-days", "2", "-out", "ca.crt");
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "server.key");
        openssl(dir, "req", "-new", "-key", "server.key", "-subj", "/CN=localhost", "-out", "server.csr");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", "server.ext", "-out", "server.crt");
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "openssl: " + out);
    }

    private static Process start(Path data, int port, int tlsPort, int lmtpPort, int easPort) throws IOException {
        return ServeProcess.start(data, List.of(), List.of(
                "--set", "server.server_listen=127.0.0.1:" + port, "--set", "server.password_pbkdf2_iterations=1000",
                "--set", "server.server_tls_listen=127.0.0.1:" + tlsPort, "--set", "server.server_ssl_cert_file=server.crt",
                "--set", "server.server_ssl_key_file=server.key", "--set", "dagent.lmtp_listen=127.0.0.1:" + lmtpPort,
                "--set", "eas.listen=127.0.0.1:" + easPort, "--set", "eas.tls_listen=off", "--set", "gateway.enabled=no"));
    }

    /**
     * The gateway runs in serve with the shipped eas.cfg and policies.ini, over the store in the process: the
     * demo user (credentials from the file serve wrote on first start) gets OPTIONS, provisions, and sees the
     * Inbox in FolderSync.
     */
    private static void demoReachesActiveSync(Path data, int easPort) throws Exception {
        String password = Files.readAllLines(data.resolve("demo-credentials.txt")).stream()
                .filter(l -> l.startsWith("password = ")).findFirst().orElseThrow().substring("password = ".length());
        org.koppel.eas.client.EasTestClient demo = new org.koppel.eas.client.EasTestClient(
                URI.create("http://127.0.0.1:" + easPort), "demo", password, "ServeTest1", "TestPhone",
                org.koppel.eas.wbxml.ProtocolVersion.V16_1);
        var options = demo.options();
        assertEquals(200, options.statusCode(), "OPTIONS on the gateway port");
        assertTrue(options.headers().firstValue("MS-ASProtocolVersions").orElse("").contains("16.1"));
        assertEquals(org.koppel.eas.provision.ProvisionStatus.SUCCESS,
                demo.provision().acknowledgement().document().status());
        var folders = demo.folderSync("0").document();
        assertEquals(org.koppel.eas.foldersync.FolderSyncStatus.SUCCESS, folders.status());
        assertTrue(folders.changes().stream().anyMatch(c -> c instanceof org.koppel.eas.foldersync.FolderSyncResponse.Add a
                && a.folder().type() == org.koppel.eas.foldersync.FolderType.DEFAULT_INBOX), folders.toString());
        assertEquals(401, new org.koppel.eas.client.EasTestClient(URI.create("http://127.0.0.1:" + easPort), "demo",
                "wrong", "ServeTest2", "TestPhone", org.koppel.eas.wbxml.ProtocolVersion.V16_1).options().statusCode());
    }

    private static void awaitHealth(int port, Process p) throws Exception {
        ServeProcess.awaitHealth(port, p, java.time.Duration.ofSeconds(60));
    }

    private static ServeProcess.AdminRun admin(int port, Path data, String... args) {
        return ServeProcess.admin("http://127.0.0.1:" + port, data, args);
    }
}
