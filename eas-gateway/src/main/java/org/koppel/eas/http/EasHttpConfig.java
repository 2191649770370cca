package org.koppel.eas.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.auth.DomainHandling;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * The HTTP section of eas.cfg as a typed value, read once at start (the keys are documented in the shipped
 * config/eas.cfg and docs/eas.md).
 *
 * @param listen plain HTTP listener ({@code listen}); empty: none
 * @param tlsListen HTTPS listener ({@code tls_listen}); empty: none
 * @param tlsFiles {@code ssl_cert_file} and {@code ssl_key_file}; empty with a TLS listener: a self-signed
 *     certificate generated into {@code dataDir} on first start
 * @param dataDir where the generated certificate is kept
 * @param maxRequestSize {@code max_request_size}: largest request body; larger gets 413
 * @param realm {@code auth_realm}: the Basic realm in 401 answers
 * @param domainHandling {@code auth_strip_domain}
 * @param loginMaxFailures {@code login_max_failures}: failed logons of one login per window (0: no limit)
 * @param loginMaxFailuresPerAddress {@code login_max_failures_per_address}: from one address (0: no limit)
 * @param loginFailureWindow {@code login_failure_window}
 * @param protocolVersions {@code protocol_versions}: what OPTIONS offers and POST accepts
 */
public record EasHttpConfig(Optional<Listen> listen, Optional<Listen> tlsListen, Optional<TlsFiles> tlsFiles,
        Path dataDir, long maxRequestSize, String realm, DomainHandling domainHandling, int loginMaxFailures,
        int loginMaxFailuresPerAddress, Duration loginFailureWindow, Set<ProtocolVersion> protocolVersions) {

    /** Every version Koppel speaks; 2.5 is not among them. */
    public static final Set<ProtocolVersion> SUPPORTED_VERSIONS = Set.copyOf(EnumSet.range(ProtocolVersion.V12_0,
            ProtocolVersion.V16_1));

    /** A listening address; port 0 picks a free one (tests). */
    public record Listen(String host, int port) {
        public Listen {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** A PEM certificate chain (leaf first) and its unencrypted PEM private key. */
    public record TlsFiles(Path certFile, Path keyFile) {
        public TlsFiles {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
        }
    }

    public EasHttpConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(tlsListen, "tlsListen");
        Objects.requireNonNull(tlsFiles, "tlsFiles");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(domainHandling, "domainHandling");
        Objects.requireNonNull(loginFailureWindow, "loginFailureWindow");
        if (maxRequestSize < 1024) {
            throw new IllegalArgumentException("max_request_size must be at least 1K");
        }
        if (realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0 || realm.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("auth_realm must not hold quotes, backslashes or control characters");
        }
        protocolVersions = Set.copyOf(protocolVersions);
        if (protocolVersions.isEmpty() || !SUPPORTED_VERSIONS.containsAll(protocolVersions)) {
            throw new IllegalArgumentException("protocol_versions must name some of 12.0,12.1,14.0,14.1,16.0,16.1");
        }
    }

    /** The shipped defaults: HTTP on 0.0.0.0:8080, HTTPS on 0.0.0.0:8443 with a generated certificate. */
    public static EasHttpConfig defaults(Path dataDir) {
        return new EasHttpConfig(Optional.of(new Listen("0.0.0.0", 8080)), Optional.of(new Listen("0.0.0.0", 8443)),
                Optional.empty(), dataDir, 50L << 20, "Koppel ActiveSync", DomainHandling.NETBIOS, 5, 20,
                Duration.ofMinutes(5), SUPPORTED_VERSIONS);
    }

    public EasHttpConfig withListen(Optional<Listen> plain, Optional<Listen> tls) {
        return new EasHttpConfig(plain, tls, tlsFiles, dataDir, maxRequestSize, realm, domainHandling,
                loginMaxFailures, loginMaxFailuresPerAddress, loginFailureWindow, protocolVersions);
    }

    public EasHttpConfig withTlsFiles(Optional<TlsFiles> files) {
        return new EasHttpConfig(listen, tlsListen, files, dataDir, maxRequestSize, realm, domainHandling,
                loginMaxFailures, loginMaxFailuresPerAddress, loginFailureWindow, protocolVersions);
    }

    public EasHttpConfig withMaxRequestSize(long bytes) {
        return new EasHttpConfig(listen, tlsListen, tlsFiles, dataDir, bytes, realm, domainHandling,
                loginMaxFailures, loginMaxFailuresPerAddress, loginFailureWindow, protocolVersions);
    }

    public EasHttpConfig withProtocolVersions(Set<ProtocolVersion> versions) {
        return new EasHttpConfig(listen, tlsListen, tlsFiles, dataDir, maxRequestSize, realm, domainHandling,
                loginMaxFailures, loginMaxFailuresPerAddress, loginFailureWindow, versions);
    }

    public EasHttpConfig withDomainHandling(DomainHandling handling) {
        return new EasHttpConfig(listen, tlsListen, tlsFiles, dataDir, maxRequestSize, realm, handling,
                loginMaxFailures, loginMaxFailuresPerAddress, loginFailureWindow, protocolVersions);
    }
}
