package org.koppel.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-signed certificate is made once per name, kept, and usable as a server context. */
class SelfSignedCertificateTest {

    @TempDir
    Path dir;

    @Test
    void madeOnceKeptAndSeparatePerName() throws Exception {
        SelfSignedCertificate gateway = new SelfSignedCertificate(dir, "gateway");
        KeyMaterial first = gateway.loadOrCreate();
        assertTrue(Files.exists(dir.resolve("gateway-selfsigned.p12")));
        Certificate cert = first.keyStore().getCertificate("koppel-gateway");
        assertNotNull(cert);
        assertArrayEquals(cert.getEncoded(), gateway.loadOrCreate().keyStore().getCertificate("koppel-gateway")
                .getEncoded(), "kept, not made again");
        assertEquals("TLS", first.serverContext().getProtocol());
        new SelfSignedCertificate(dir, "eas").loadOrCreate();
        assertTrue(Files.exists(dir.resolve("eas-selfsigned.p12")));
    }

    @Test
    void badNamesAndFilesAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new SelfSignedCertificate(dir, "../x"));
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a certificate");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> KeyMaterial.fromPem(junk, junk));
        assertTrue(e.getMessage().contains("holds no PEM CERTIFICATE"), e.getMessage());
    }
}
