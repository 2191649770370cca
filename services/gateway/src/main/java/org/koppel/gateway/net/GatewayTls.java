package org.koppel.gateway.net;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.koppel.gateway.GatewayConfig;
import org.koppel.tls.KeyMaterial;
import org.koppel.tls.SelfSignedCertificate;

/**
 * The gateway's TLS server context: the configured PEM certificate and key, or else a self-signed
 * certificate kept in the data directory as {@code gateway-selfsigned.*} (made on first start). IMAP and
 * POP3 share one.
 */
public final class GatewayTls {

    /** The prefix of the self-signed certificate's files in the data directory. */
    public static final String SELF_SIGNED_NAME = "gateway";

    private GatewayTls() {
    }

    /**
     * @throws IOException              if the files cannot be read or the self-signed certificate made
     * @throws GeneralSecurityException if the certificate or key cannot be used
     */
    public static SSLContext context(GatewayConfig config) throws IOException, GeneralSecurityException {
        KeyMaterial keys = config.tls().isPresent()
                ? KeyMaterial.fromPem(config.tls().get().certFile(), config.tls().get().keyFile())
                : new SelfSignedCertificate(config.dataDir(), SELF_SIGNED_NAME).loadOrCreate();
        return keys.serverContext();
    }
}
