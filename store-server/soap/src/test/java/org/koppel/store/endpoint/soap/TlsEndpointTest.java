package org.koppel.store.endpoint.soap;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.soap.SoapStoreServer;
import org.koppel.store.client.tls.ClientTls;
import org.koppel.tls.PemFiles;
import org.koppel.store.core.blob.FileBlobStore;
import org.koppel.store.core.db.DatabaseKind;
import org.koppel.store.core.engine.Engine;
import org.koppel.store.core.engine.EngineConfig;
import org.koppel.store.core.testsupport.TestDatabase;
import org.koppel.store.core.testsupport.TestDatabases;
import org.koppel.store.endpoint.http.EndpointConfig;
import org.koppel.store.endpoint.http.EndpointServer;
import org.koppel.store.endpoint.http.TlsListener;

/**
 * The TLS listener with certificates made by the real openssl: SOAP over HTTPS with the store's
 * certificate, and system services logging on by client certificate instead of the shared secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsEndpointTest {

    private static final String SECRET = "tls-test-secret";

    private Path dir;
    private TestDatabase db;
    private Engine engine;
    private EndpointServer endpoint;

    private void openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "openssl " + String.join(" ", args) + ": " + out);
    }

    /** A key (PKCS #8 EC, or PKCS #1 RSA when {@code rsa}) and a certificate for {@code cn} signed by a CA. */
    private void issue(String name, String cn, String ca, boolean rsa, String extensions) throws Exception {
        if (rsa) {
            openssl("genrsa", "-traditional", "-out", name + ".key", "2048");
        } else {
            openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name + ".key");
        }
        openssl("req", "-new", "-key", name + ".key", "-subj", "/CN=" + cn, "-out", name + ".csr");
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key", "-CAcreateserial",
                "-days", "2", "-extfile", name + ".ext", "-out", name + ".crt");
    }

    private void authority(String name) throws Exception {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                name + ".key", "-subj", "/CN=" + name, "-days", "2", "-out", name + ".crt");
    }

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("koppel-tls");
        authority("ca");
        authority("rogue-ca");
        issue("server", "localhost", "ca", true, "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        issue("spooler", "koppel-spooler", "ca", false, "extendedKeyUsage=clientAuth\n");
        issue("rogue", "koppel-spooler", "rogue-ca", false, "extendedKeyUsage=clientAuth\n");
        db = TestDatabases.open(DatabaseKind.H2);
        engine = Engine.start(db.database(), new FileBlobStore(db.database(), dir.resolve("blobs")),
                EngineConfig.defaults().withPbkdf2Iterations(1000).withServiceSecret(SECRET));
        try (Session admin = engine.systemSession()) {
            admin.directory().createUser(NewUser.of("ann", "Ann", "ann@example.org", "pw-ann"));
        }
        TlsListener tls = new TlsListener("127.0.0.1", 0,
                PemFiles.keyStore(dir.resolve("server.crt"), dir.resolve("server.key")), PemFiles.storePassword(),
                Optional.of(PemFiles.trustStore(dir.resolve("ca.crt"))));
        endpoint = EndpointServer.start(engine,
                new EndpointConfig("127.0.0.1", 0, Duration.ofMinutes(5), 100, "test").withTls(tls, SECRET));
    }

    @AfterAll
    void stop() throws IOException {
        if (endpoint != null) {
            endpoint.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (db != null) {
            db.close();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private SoapStoreServer connect(SSLContext ctx) {
        return SoapStoreServer.connect(SoapStoreServer.Endpoint.of(URI.create("https://127.0.0.1:" + endpoint.tlsPort()))
                .withTls(ctx));
    }

    private Optional<Path> file(String name) {
        return Optional.of(dir.resolve(name));
    }

    @Test
    void aUserLogsOnOverHttpsTrustingTheStoresCertificate() throws Exception {
        try (SoapStoreServer store = connect(ClientTls.context(file("ca.crt"), Optional.empty(), Optional.empty()));
                Session ann = store.logon(new Credentials.Password("ann", "pw-ann"))) {
            assertEquals("ann", ann.user().login());
            assertNotNull(ann.stores().openOwn());
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateGetsNoConnection() throws Exception {
        try (SoapStoreServer store = connect(ClientTls.context(file("rogue-ca.crt"), Optional.empty(), Optional.empty()))) {
            MapiException e = assertThrows(MapiException.class,
                    () -> store.logon(new Credentials.Password("ann", "pw-ann")));
            assertEquals(org.koppel.mapi.MapiError.NETWORK_ERROR, e.error());
        }
    }

    @Test
    void aServiceLogsOnByItsClientCertificate() throws Exception {
        try (SoapStoreServer store = connect(ClientTls.context(file("ca.crt"), file("spooler.crt"), file("spooler.key")))) {
            try (Session spooler = store.logon(new Credentials.Certificate("koppel-spooler", ""))) {
                assertTrue(spooler.user().admin(), "a system service acts with the system's rights");
                assertFalse(spooler.directory().users().isEmpty());
            }
            try (Session asAnn = store.logon(new Credentials.Certificate("koppel-spooler", "ann"))) {
                assertEquals("ann", asAnn.user().login(), "and may act as a user");
            }
            assertThrows(MapiException.LogonFailed.class,
                    () -> store.logon(new Credentials.Certificate("koppel-dagent", "")),
                    "the certificate names another service");
        }
    }

    @Test
    void noCertificateOrAnUntrustedOneIsNoLogon() throws Exception {
        try (SoapStoreServer store = connect(ClientTls.context(file("ca.crt"), Optional.empty(), Optional.empty()))) {
            assertThrows(MapiException.LogonFailed.class,
                    () -> store.logon(new Credentials.Certificate("koppel-spooler", "")));
        }
        try (SoapStoreServer store = connect(ClientTls.context(file("ca.crt"), file("rogue.crt"), file("rogue.key")))) {
            assertThrows(MapiException.class, () -> store.logon(new Credentials.Certificate("koppel-spooler", "")),
                    "a certificate from another CA is not accepted");
        }
        try (SoapStoreServer plain = SoapStoreServer.connect(URI.create("http://127.0.0.1:" + endpoint.port()))) {
            assertThrows(MapiException.LogonFailed.class,
                    () -> plain.logon(new Credentials.Certificate("koppel-spooler", "")),
                    "plain HTTP carries no certificate");
        }
    }
}
