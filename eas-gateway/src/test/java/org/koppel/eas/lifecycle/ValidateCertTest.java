package org.koppel.eas.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.koppel.eas.ping.PingLimits;
import org.koppel.eas.validatecert.ValidateCertRequest;
import org.koppel.eas.validatecert.ValidateCertResponse;
import org.koppel.eas.validatecert.ValidateCertStatus;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * ValidateCert over HTTP against a gateway whose trust store (validatecert_truststore) holds one test root CA:
 * good, expired, untrusted, wrongly signed and wrong-purpose S/MIME certificates, a chain through an
 * intermediate the phone sends along, and revocation by CRL (served on the loopback address, revoked and not),
 * with an unreachable CRL; in every protocol version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidateCertTest {

    private final TestCertificates certs = new TestCertificates();
    private Gateway gateway;
    private HttpServer crlServer;
    private String login;
    private TestCertificates.Issued root;
    private TestCertificates.Issued good;
    private TestCertificates.Issued expired;
    private TestCertificates.Issued untrusted;
    private TestCertificates.Issued forgedSignature;
    private TestCertificates.Issued serverOnly;
    private TestCertificates.Issued intermediate;
    private TestCertificates.Issued underIntermediate;
    private TestCertificates.Issued revoked;
    private TestCertificates.Issued notRevoked;
    private TestCertificates.Issued crlUnreachable;

    @BeforeAll
    void start() throws IOException, GeneralSecurityException {
        root = certs.root("Koppel Test Root");
        crlServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String crlUrl = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/root.crl";
        good = certs.person(root, "alice@example.org");
        expired = certs.person(root, root.keys(), "old@example.org", certs.now().minus(Duration.ofDays(400)),
                certs.now().minus(Duration.ofDays(30)), KeyUsage.digitalSignature,
                KeyPurposeId.id_kp_emailProtection, Optional.empty());
        untrusted = certs.person(certs.root("Someone Else's Root"), "mallory@example.net");
        forgedSignature = certs.person(root, TestCertificates.keys(), "forged@example.org",
                certs.now().minus(Duration.ofDays(1)), certs.now().plus(Duration.ofDays(30)),
                KeyUsage.digitalSignature, KeyPurposeId.id_kp_emailProtection, Optional.empty());
        serverOnly = certs.person(root, root.keys(), "www.example.org", certs.now().minus(Duration.ofDays(1)),
                certs.now().plus(Duration.ofDays(30)), KeyUsage.digitalSignature, KeyPurposeId.id_kp_serverAuth,
                Optional.empty());
        intermediate = certs.intermediate(root, "Koppel Test Mail CA");
        underIntermediate = certs.person(intermediate, "bob@example.org");
        revoked = certs.person(root, root.keys(), "gone@example.org", certs.now().minus(Duration.ofDays(1)),
                certs.now().plus(Duration.ofDays(30)), KeyUsage.digitalSignature,
                KeyPurposeId.id_kp_emailProtection, Optional.of(crlUrl));
        notRevoked = certs.person(root, root.keys(), "still@example.org", certs.now().minus(Duration.ofDays(1)),
                certs.now().plus(Duration.ofDays(30)), KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                KeyPurposeId.id_kp_emailProtection, Optional.of(crlUrl));
        crlUnreachable = certs.person(root, root.keys(), "lost@example.org", certs.now().minus(Duration.ofDays(1)),
                certs.now().plus(Duration.ofDays(30)), KeyUsage.digitalSignature,
                KeyPurposeId.id_kp_emailProtection, Optional.of("http://127.0.0.1:1/root.crl"));
        byte[] crl = certs.crl(root, revoked.certificate()).getEncoded();
        crlServer.createContext("/root.crl", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, crl.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(crl);
            }
        });
        crlServer.start();

        Path trust = Files.createTempFile("koppel-validatecert", ".pem");
        Files.writeString(trust, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(root.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        gateway = new Gateway(PingLimits.DEFAULTS, c -> c.withValidateCertTrustStore(Optional.of(trust), ""));
        trust.toFile().deleteOnExit();
        login = gateway.newUser();
    }

    @AfterAll
    void stop() throws IOException {
        if (crlServer != null) {
            crlServer.stop(0);
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private SettingsClient client(ProtocolVersion version) {
        return new SettingsClient(gateway.client(login, "vc" + version.name(), version));
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void eachCertificateGetsItsStatus(ProtocolVersion version) {
        ValidateCertResponse r = client(version).validateCert(new ValidateCertRequest(List.of(good.base64(),
                expired.base64(), untrusted.base64(), forgedSignature.base64(), serverOnly.base64(), root.base64(),
                "bm90IGEgY2VydGlmaWNhdGU="), List.of(), false));
        assertEquals(ValidateCertStatus.SUCCESS, r.status());
        assertEquals(List.of(ValidateCertStatus.SUCCESS, ValidateCertStatus.EXPIRED,
                ValidateCertStatus.UNTRUSTED_SOURCE, ValidateCertStatus.SIGNATURE_INVALID,
                ValidateCertStatus.NOT_FOR_EMAIL, ValidateCertStatus.ROLE_INVALID, ValidateCertStatus.CHAIN_INVALID),
                r.certificates());
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void anIntermediateTheDeviceSendsCompletesTheChain(ProtocolVersion version) {
        SettingsClient c = client(version);
        assertEquals(List.of(ValidateCertStatus.UNTRUSTED_SOURCE), c.validateCert(new ValidateCertRequest(
                List.of(underIntermediate.base64()), List.of(), false)).certificates(), "without the intermediate");
        assertEquals(List.of(ValidateCertStatus.SUCCESS), c.validateCert(new ValidateCertRequest(
                List.of(underIntermediate.base64()), List.of(root.base64(), intermediate.base64()), false))
                .certificates(), "with it (and the trusted root) in any order");
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void checkCrlFindsRevokedCertificatesAndSaysWhenItCannotTell(ProtocolVersion version) {
        SettingsClient c = client(version);
        ValidateCertResponse r = c.validateCert(new ValidateCertRequest(List.of(revoked.base64(),
                notRevoked.base64(), crlUnreachable.base64()), List.of(), true));
        assertEquals(List.of(ValidateCertStatus.REVOKED, ValidateCertStatus.SUCCESS,
                ValidateCertStatus.REVOCATION_SERVER_UNREACHABLE), r.certificates());
        assertEquals(List.of(ValidateCertStatus.SUCCESS), c.validateCert(new ValidateCertRequest(
                List.of(revoked.base64()), List.of(), false)).certificates(), "no CRL asked for, none checked");
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V12_0", "V12_1", "V14_0", "V14_1", "V16_0", "V16_1"})
    void aRequestThatIsNotValidateCertIsAProtocolError(ProtocolVersion version) {
        SettingsClient c = client(version);
        ValidateCertResponse noCertificates = c.validateCertXml("<ValidateCert xmlns=\"ValidateCert:\"><CheckCRL>1"
                + "</CheckCRL></ValidateCert>");
        assertEquals(new ValidateCertResponse(ValidateCertStatus.PROTOCOL_ERROR, List.of()), noCertificates);
        ValidateCertResponse badFlag = c.validateCertXml("<ValidateCert xmlns=\"ValidateCert:\"><Certificates>"
                + "<Certificate>" + good.base64() + "</Certificate></Certificates><CheckCRL>yes</CheckCRL>"
                + "</ValidateCert>");
        assertEquals(ValidateCertStatus.PROTOCOL_ERROR, badFlag.status());
    }
}
