package org.koppel.store.client.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.koppel.tls.PemFiles;

/**
 * The TLS context a client of the store uses: the CAs it trusts for the store's certificate (none given:
 * the JDK's), and optionally its own certificate and key, with which a system service logs on without a
 * shared secret.
 */
public final class ClientTls {

    private ClientTls() {
    }

    public static SSLContext context(Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile)
            throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(caFile.isPresent() ? PemFiles.trustStore(caFile.get()) : (KeyStore) null);
        KeyManagerFactory kmf = null;
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new GeneralSecurityException("a client certificate needs both its certificate and its key file");
        }
        if (certFile.isPresent()) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(PemFiles.keyStore(certFile.get(), keyFile.get()), PemFiles.storePassword());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
