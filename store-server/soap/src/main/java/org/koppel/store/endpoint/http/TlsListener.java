package org.koppel.store.endpoint.http;

import java.security.KeyStore;
import java.util.Optional;

/**
 * The store's TLS listener: where it listens, its key and certificate chain, and optionally the CAs whose
 * client certificates let a system service log on without its shared secret (the certificate's CN names
 * the service).
 */
public record TlsListener(String host, int port, KeyStore keyStore, char[] keyStorePassword,
        Optional<KeyStore> clientCa) {
}
