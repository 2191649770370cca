package org.koppel.dist.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store's TLS listener from server.cfg: where it listens, the PEM certificate chain and key it
 * presents, and optionally the PEM CAs whose client certificates let system services log on without the
 * shared secret.
 */
public record TlsSettings(ListenAddress listen, Path certFile, Path keyFile, Optional<Path> caFile) {

    /** Reads {@code server_tls_listen} and, when it is set, the files it needs. */
    static Optional<TlsSettings> from(ConfigValues cfg, Path configBase) {
        String listenText = cfg.raw("server_tls_listen").orElse("").strip();
        String cert = cfg.raw("server_ssl_cert_file").orElse("").strip();
        String key = cfg.raw("server_ssl_key_file").orElse("").strip();
        String ca = cfg.raw("server_ssl_ca_file").orElse("").strip();
        if (listenText.isEmpty()) {
            return Optional.empty();
        }
        ListenAddress listen;
        try {
            listen = ListenAddress.parse(listenText);
        } catch (IllegalArgumentException e) {
            throw cfg.bad("server_tls_listen", e.getMessage());
        }
        return Optional.of(new TlsSettings(listen, readable(cfg, "server_ssl_cert_file", cert, configBase),
                readable(cfg, "server_ssl_key_file", key, configBase),
                ca.isEmpty() ? Optional.empty() : Optional.of(readable(cfg, "server_ssl_ca_file", ca, configBase))));
    }

    private static Path readable(ConfigValues cfg, String key, String value, Path base) {
        if (value.isEmpty()) {
            throw cfg.bad(key, "is required when server_tls_listen is set");
        }
        Path p = base.resolve(value);
        if (!Files.isReadable(p)) {
            throw cfg.bad(key, p + " is not a readable file");
        }
        return p;
    }
}
