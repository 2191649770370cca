package org.koppel.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys from PEM files (RFC 7468), as administrators get them from their CA or
 * Let's Encrypt: {@code CERTIFICATE} blocks, and an unencrypted {@code PRIVATE KEY} (PKCS #8, RSA or EC) or
 * {@code RSA PRIVATE KEY} (PKCS #1). A key and its chain may share one file.
 */
public final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    /** The in-memory key store's password: it never leaves the process. */
    static final char[] STORE_PASSWORD = "koppel".toCharArray();

    private PemFiles() {
    }

    /** Every certificate in a file, in order (leaf first for a chain). */
    public static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (Block b : blocks(file)) {
            if (b.type.equals("CERTIFICATE")) {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der)));
            }
        }
        if (out.isEmpty()) {
            throw new GeneralSecurityException(file + " holds no PEM CERTIFICATE");
        }
        return out;
    }

    /** The private key in a file. */
    public static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        for (Block b : blocks(file)) {
            switch (b.type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(b.der);
                }
                case "RSA PRIVATE KEY" -> {
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(rsaPkcs1ToPkcs8(b.der)));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(file
                        + ": the key is encrypted; store it unencrypted, readable only by Koppel's user "
                        + "(openssl pkcs8 -topk8 -nocrypt)");
                case "EC PRIVATE KEY" -> throw new GeneralSecurityException(file
                        + ": convert the SEC 1 EC key to PKCS #8 (openssl pkcs8 -topk8 -nocrypt)");
                default -> {
                }
            }
        }
        throw new GeneralSecurityException(file + " holds no PEM PRIVATE KEY");
    }

    /** A key store holding one key entry: the key and its certificate chain. */
    public static KeyStore keyStore(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("koppel", key, STORE_PASSWORD, chain.toArray(new X509Certificate[0]));
        return ks;
    }

    /** A trust store of every certificate in a file (the CAs to trust). */
    public static KeyStore trustStore(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : certificates(caFile)) {
            ks.setCertificateEntry("ca" + i++, c);
        }
        return ks;
    }

    /** The password of the stores built here. */
    public static char[] storePassword() {
        return STORE_PASSWORD.clone();
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws IOException, GeneralSecurityException {
        long size = Files.size(file);
        if (size > 1 << 20) {
            throw new GeneralSecurityException(file + " is larger than a PEM file of keys and certificates can be");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new GeneralSecurityException(file + ": bad base64 in a " + m.group(1) + " block");
            }
        }
        return out;
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String alg : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unsupported private key algorithm", last);
    }

    /** Wraps a PKCS #1 RSAPrivateKey in a PKCS #8 PrivateKeyInfo (version 0, rsaEncryption, NULL). */
    private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01,
            0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length;
        if (n < 0x80) {
            length = new byte[] {(byte) n};
        } else if (n < 0x100) {
            length = new byte[] {(byte) 0x81, (byte) n};
        } else if (n < 0x10000) {
            length = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        } else {
            length = new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, n);
        return out;
    }
}
