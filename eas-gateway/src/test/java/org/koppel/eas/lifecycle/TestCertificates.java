package org.koppel.eas.lifecycle;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates and CRLs made for the ValidateCert tests (the JDK has no API to issue them): CAs, S/MIME
 * identities with the key usages and validity the test asks for, and CRLs.
 */
final class TestCertificates {

    /** A certificate with the key that signed it... or that it holds. */
    record Issued(X509Certificate certificate, KeyPair keys) {
        String base64() {
            try {
                return Base64.getEncoder().encodeToString(certificate.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        X500Name name() {
            return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        }
    }

    private final AtomicLong serial = new AtomicLong(1000);
    private final Instant now = Instant.now();

    static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed root CA valid from a year ago for ten years. */
    Issued root(String cn) {
        KeyPair k = keys();
        X500Name name = new X500Name("CN=" + cn + ",O=Koppel Test");
        return new Issued(build(name, k, name, k, now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)),
                true, KeyUsage.keyCertSign | KeyUsage.cRLSign, null, Optional.empty()), k);
    }

    /** An intermediate CA under {@code issuer}, valid within it. */
    Issued intermediate(Issued issuer, String cn) {
        KeyPair k = keys();
        return new Issued(build(issuer.name(), issuer.keys(), new X500Name("CN=" + cn + ",O=Koppel Test"), k,
                now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(3000)), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, null, Optional.empty()), k);
    }

    /**
     * An end-entity certificate for {@code email}.
     *
     * @param signer whose key signs it (normally the issuer's; another key makes a bad signature)
     * @param purpose the extended key usage, null for none
     */
    Issued person(Issued issuer, KeyPair signer, String email, Instant from, Instant until, int keyUsage,
            KeyPurposeId purpose, Optional<String> crl) {
        KeyPair k = keys();
        return new Issued(build(issuer.name(), signer, new X500Name("CN=" + email + ",O=Koppel Test"), k, from, until,
                false, keyUsage, purpose, crl), k);
    }

    /** An S/MIME identity valid from a day ago for a year. */
    Issued person(Issued issuer, String email) {
        return person(issuer, issuer.keys(), email, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment, KeyPurposeId.id_kp_emailProtection,
                Optional.empty());
    }

    /** A CRL of {@code issuer} listing {@code revoked}, valid for a day. */
    X509CRL crl(Issued issuer, X509Certificate... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuer.name(), Date.from(now.minus(Duration.ofHours(1))));
            b.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            for (X509Certificate r : revoked) {
                b.addCRLEntry(r.getSerialNumber(), Date.from(now.minus(Duration.ofMinutes(30))), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(b.build(signer(issuer.keys())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant now() {
        return now;
    }

    private X509Certificate build(X500Name issuer, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys,
            Instant from, Instant until, boolean ca, int keyUsage, KeyPurposeId purpose, Optional<String> crl) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(serial.incrementAndGet()), Date.from(from), Date.from(until), subject,
                    subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (purpose != null) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (crl.isPresent()) {
                DistributionPoint dp = new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crl.get()))), null, null);
                b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {dp}));
            }
            X509CertificateHolder holder = b.build(signer(issuerKeys));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    private static ContentSigner signer(KeyPair keys) {
        try {
            return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
