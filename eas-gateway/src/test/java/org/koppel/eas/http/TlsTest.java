package org.koppel.eas.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS: the self-signed certificate made on first start and kept, and a configured PEM pair. */
class TlsTest {

    @TempDir
    Path data;

    private static HttpClient trusting(Certificate cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("eas", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<byte[]> options(HttpClient client, int port) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/Microsoft-Server-ActiveSync"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", Harness.basic("carol", "s3cret")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Certificate selfSignedCertificate(Path data) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(EasServer.selfSignedCertificate(data).p12File())) {
            ks.load(in, Files.readString(EasServer.selfSignedCertificate(data).passwordFile()).strip().toCharArray());
        }
        return ks.getCertificate(EasServer.selfSignedCertificate(data).alias());
    }

    @Test
    void selfSignedCertificateIsMadeOnceAndKept() throws Exception {
        Certificate first;
        try (Harness h = new Harness(data, UnaryOperator.identity(), Map.of(), Clock.systemUTC())) {
            first = selfSignedCertificate(data);
            assertEquals(200, options(trusting(first), h.server.tlsPort()).statusCode());
            // A client that does not trust it is refused at the handshake.
            HttpClient strict = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThrows(SSLHandshakeException.class, () -> options(strict, h.server.tlsPort()));
        }
        if (Files.getFileAttributeView(data, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(EasServer.selfSignedCertificate(data).passwordFile())));
        }
        try (Harness h = new Harness(data, UnaryOperator.identity(), Map.of(), Clock.systemUTC())) {
            assertArrayEquals(first.getEncoded(), selfSignedCertificate(data).getEncoded(), "kept, not made again");
            assertEquals(200, options(trusting(first), h.server.tlsPort()).statusCode());
        }
    }

    @Test
    void configuredPemCertificate() throws Exception {
        Path crt = data.resolve("eas.pem");
        Path key = data.resolve("eas.key");
        Process p;
        try {
            p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(),
                    "-out", crt.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "openssl is not installed");
            return;
        }
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl could not make a certificate");
        Certificate cert;
        try (InputStream in = Files.newInputStream(crt)) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        try (Harness h = new Harness(data, c -> c.withTlsFiles(Optional.of(new EasHttpConfig.TlsFiles(crt, key))),
                Map.of(), Clock.systemUTC())) {
            assertEquals(200, options(trusting(cert), h.server.tlsPort()).statusCode());
        }
        assertEquals(false, Files.exists(EasServer.selfSignedCertificate(data).p12File()), "nothing generated");
    }

    @Test
    void unreadableKeyStopsTheStart() throws Exception {
        Path crt = data.resolve("missing.pem");
        Files.writeString(crt, "not a certificate");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Harness(data,
                c -> c.withTlsFiles(Optional.of(new EasHttpConfig.TlsFiles(crt, crt))), Map.of(), Clock.systemUTC()));
        assertEquals(true, e.getMessage().contains("holds no PEM CERTIFICATE"), e.getMessage());
    }
}
