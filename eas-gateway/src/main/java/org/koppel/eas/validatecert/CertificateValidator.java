package org.koppel.eas.validatecert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Validates an S/MIME certificate as ValidateCert asks: the JDK's PKIX validation of its chain (built from the
 * certificates the device sent) up to a trust anchor of the configured trust store, optionally with revocation
 * by CRL only (the distribution points the certificates name), then the nesting of the validity periods and the
 * certificate's purpose: an extended key usage, when present, must allow e-mail protection, and a key usage, when
 * present, signing or key encipherment.
 */
public final class CertificateValidator {

    /** id-kp-emailProtection and anyExtendedKeyUsage. */
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    /** The longest chain followed; real S/MIME chains have two or three certificates. */
    private static final int MAX_DEPTH = 10;

    private final Set<TrustAnchor> anchors;
    private final Clock clock;

    public CertificateValidator(Set<TrustAnchor> anchors, Clock clock) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("a trust store without certificates trusts nothing");
        }
        this.anchors = Set.copyOf(anchors);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Over a trust store: a PEM file of CA certificates, or a PKCS #12 or JKS key store (its trusted certificates
     * and the certificates of its key entries); empty: the Java runtime's own CAs (its cacerts).
     *
     * @param password the key store's password, empty for none (a PEM file has none)
     */
    public static CertificateValidator fromTrustStore(Optional<Path> file, String password, Clock clock) {
        try {
            return new CertificateValidator(file.isPresent() ? read(file.get(), password) : runtimeAnchors(), clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the ValidateCert trust store " + file.map(Path::toString)
                    .orElse("(the Java runtime's)") + ": " + e.getMessage(), e);
        }
    }

    private static Set<TrustAnchor> runtimeAnchors() throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        Set<TrustAnchor> anchors = new HashSet<>();
        for (TrustManager m : f.getTrustManagers()) {
            if (m instanceof X509TrustManager x) {
                for (X509Certificate c : x.getAcceptedIssuers()) {
                    anchors.add(new TrustAnchor(c, null));
                }
            }
        }
        return anchors;
    }

    private static Set<TrustAnchor> read(Path file, String password) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        Set<TrustAnchor> anchors = new HashSet<>();
        if (new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN")) {
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                anchors.add(new TrustAnchor((X509Certificate) c, null));
            }
            return anchors;
        }
        KeyStore store = KeyStore.getInstance(file.toFile(), password.isEmpty() ? null : password.toCharArray());
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate c) {
                anchors.add(new TrustAnchor(c, null));
            }
        }
        return anchors;
    }

    /** Reads base64 DER; empty when it is not a certificate. */
    static Optional<X509Certificate> parse(String base64) {
        try {
            byte[] der = java.util.Base64.getMimeDecoder().decode(base64.strip());
            try (InputStream in = new ByteArrayInputStream(der)) {
                return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
        } catch (IllegalArgumentException | IOException | GeneralSecurityException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * The status of one certificate.
     *
     * @param intermediates certificates that may be on its path to a trust anchor, in any order
     * @param checkCrl      whether revocation is checked (by CRL only) for every certificate of the path
     */
    public ValidateCertStatus validate(X509Certificate certificate, List<X509Certificate> intermediates,
            boolean checkCrl) {
        List<X509Certificate> path = path(certificate, intermediates);
        if (!path.isEmpty()) {
            try {
                PKIXParameters params = new PKIXParameters(anchors);
                params.setDate(Date.from(clock.instant()));
                CertPathValidator validator = CertPathValidator.getInstance("PKIX");
                if (checkCrl) {
                    PKIXRevocationChecker crl = (PKIXRevocationChecker) validator.getRevocationChecker();
                    crl.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                            PKIXRevocationChecker.Option.NO_FALLBACK));
                    params.addCertPathChecker(crl);
                } else {
                    params.setRevocationEnabled(false);
                }
                validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            } catch (CertPathValidatorException e) {
                return status(e);
            } catch (GeneralSecurityException e) {
                return ValidateCertStatus.CHAIN_INVALID;
            }
        }
        if (!nested(path)) {
            return ValidateCertStatus.TIME_NESTING;
        }
        return purpose(certificate);
    }

    /**
     * The certificate and its issuers among {@code intermediates}, up to (not including) a trust anchor: the
     * order PKIX wants, whatever order the device sent them in.
     */
    private List<X509Certificate> path(X509Certificate certificate, List<X509Certificate> intermediates) {
        List<X509Certificate> path = new ArrayList<>(List.of(certificate));
        X509Certificate current = certificate;
        while (path.size() < MAX_DEPTH && !issuedByAnchor(current) && !selfIssued(current)) {
            X509Certificate at = current;
            Optional<X509Certificate> issuer = intermediates.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(at.getIssuerX500Principal()) && !path.contains(c))
                    .findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            current = issuer.get();
            path.add(current);
        }
        // A root the device sent along that is itself trusted is the anchor, not part of the path.
        X509Certificate top = current;
        if (selfIssued(top) && anchors.stream().anyMatch(a -> top.equals(a.getTrustedCert()))) {
            path.remove(path.size() - 1);
        }
        return path;
    }

    private boolean issuedByAnchor(X509Certificate c) {
        return anchors.stream().anyMatch(a -> a.getTrustedCert().getSubjectX500Principal()
                .equals(c.getIssuerX500Principal()));
    }

    private static boolean selfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    private static ValidateCertStatus status(CertPathValidatorException e) {
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == CertPathValidatorException.BasicReason.EXPIRED
                || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return ValidateCertStatus.EXPIRED;
        }
        if (reason == CertPathValidatorException.BasicReason.REVOKED) {
            return e.getIndex() <= 0 ? ValidateCertStatus.REVOKED : ValidateCertStatus.CHAIN_REVOKED;
        }
        if (reason == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return ValidateCertStatus.REVOCATION_SERVER_UNREACHABLE;
        }
        if (reason == CertPathValidatorException.BasicReason.INVALID_SIGNATURE
                || reason == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
            return ValidateCertStatus.SIGNATURE_INVALID;
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return ValidateCertStatus.UNTRUSTED_SOURCE;
        }
        if (reason == PKIXReason.NOT_CA_CERT || reason == PKIXReason.PATH_TOO_LONG) {
            return ValidateCertStatus.ROLE_INVALID;
        }
        if (reason == PKIXReason.INVALID_KEY_USAGE) {
            return ValidateCertStatus.PURPOSE_INVALID;
        }
        return ValidateCertStatus.CHAIN_INVALID;
    }

    /** Each certificate's validity lies within its issuer's (the anchor's too, where it is a certificate). */
    private boolean nested(List<X509Certificate> path) {
        List<X509Certificate> chain = new ArrayList<>(path);
        if (!chain.isEmpty()) {
            X509Certificate top = chain.get(chain.size() - 1);
            anchors.stream().map(TrustAnchor::getTrustedCert)
                    .filter(a -> a.getSubjectX500Principal().equals(top.getIssuerX500Principal()) && !selfIssued(top))
                    .findFirst().ifPresent(chain::add);
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate child = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            if (child.getNotBefore().before(issuer.getNotBefore()) || child.getNotAfter().after(issuer.getNotAfter())) {
                return false;
            }
        }
        return true;
    }

    private static ValidateCertStatus purpose(X509Certificate c) {
        if (c.getBasicConstraints() >= 0) {
            return ValidateCertStatus.ROLE_INVALID; // a CA certificate is no one's digital ID
        }
        try {
            List<String> eku = c.getExtendedKeyUsage();
            if (eku != null && !eku.contains(EMAIL_PROTECTION) && !eku.contains(ANY_EXTENDED_KEY_USAGE)) {
                return ValidateCertStatus.NOT_FOR_EMAIL;
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return ValidateCertStatus.CHAIN_INVALID;
        }
        boolean[] ku = c.getKeyUsage();
        // digitalSignature, nonRepudiation, keyEncipherment, keyAgreement
        if (ku != null && !(at(ku, 0) || at(ku, 1) || at(ku, 2) || at(ku, 4))) {
            return ValidateCertStatus.NOT_FOR_EMAIL;
        }
        return ValidateCertStatus.SUCCESS;
    }

    private static boolean at(boolean[] bits, int i) {
        return bits.length > i && bits[i];
    }

    @Override
    public String toString() {
        return "CertificateValidator[" + anchors.size() + " trust anchors]";
    }
}
