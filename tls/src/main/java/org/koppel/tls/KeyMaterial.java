package org.koppel.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server's key and certificate chain: a key store holding one key entry, and the password of that entry.
 * Made from PEM files ({@link #fromPem}) or a {@link SelfSignedCertificate}; turned into the
 * {@link SSLContext} a listener wraps its sockets with ({@link #serverContext()}).
 */
public record KeyMaterial(KeyStore keyStore, char[] password) {

    public KeyMaterial {
        Objects.requireNonNull(keyStore, "keyStore");
        password = password.clone();
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    /** From a PEM certificate chain (leaf first) and an unencrypted PEM private key (see {@link PemFiles}). */
    public static KeyMaterial fromPem(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        return new KeyMaterial(PemFiles.keyStore(certFile, keyFile), PemFiles.storePassword());
    }

    /** A TLS server context presenting this key, with the JDK's default trust (no client certificates asked). */
    public SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }
}
