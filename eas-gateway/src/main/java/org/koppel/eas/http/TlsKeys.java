package org.koppel.eas.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and certificate of the HTTPS listener: from the configured PEM files, or a self-signed one kept in
 * the data directory and made on first start with the JDK's {@code keytool} ({@code $JAVA_HOME/bin/keytool};
 * the JDK offers no ToolProvider for it), or {@code openssl} when the runtime has no keytool.
 *
 * <p>The PEM reading repeats what store-server/client's {@code PemFiles} does, because eas-gateway does not
 * depend on the store's client module (it would bring CXF along); a small shared TLS module would end that.
 */
final class TlsKeys {

    private static final Logger LOG = LoggerFactory.getLogger(TlsKeys.class);
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,40})-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final long MAX_PEM_FILE = 1 << 20;
    static final String SELF_SIGNED_P12 = "eas-selfsigned.p12";
    static final String SELF_SIGNED_PASSWORD = "eas-selfsigned.pass";
    static final String SELF_SIGNED_CERT = "eas-selfsigned.crt";
    static final String SELF_SIGNED_KEY = "eas-selfsigned.key";

    /** A key store with one key entry, and its password. */
    record Loaded(KeyStore keyStore, char[] password) {
    }

    private TlsKeys() {
    }

    /** A key store from a PEM certificate chain (leaf first) and an unencrypted PEM key. */
    static Loaded fromPem(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (Block b : blocks(certFile)) {
            if (b.type().equals("CERTIFICATE")) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(certFile + " holds no PEM CERTIFICATE");
        }
        PrivateKey key = null;
        for (Block b : blocks(keyFile)) {
            switch (b.type()) {
                case "PRIVATE KEY" -> key = pkcs8(b.der(), keyFile);
                case "RSA PRIVATE KEY" -> key = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(rsaPkcs1ToPkcs8(b.der())));
                case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(keyFile
                        + ": the key is encrypted; store it unencrypted, readable only by Koppel's user");
                case "EC PRIVATE KEY" -> throw new GeneralSecurityException(keyFile
                        + ": convert the EC key to PKCS #8 (openssl pkcs8 -topk8 -nocrypt)");
                default -> {
                }
            }
            if (key != null) {
                break;
            }
        }
        if (key == null) {
            throw new GeneralSecurityException(keyFile + " holds no PEM PRIVATE KEY");
        }
        char[] password = randomPassword();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("koppel-eas", key, password, chain.toArray(new X509Certificate[0]));
        return new Loaded(ks, password);
    }

    /** The self-signed certificate in {@code dataDir}, made there first if it is not there yet. */
    static Loaded selfSigned(Path dataDir) throws IOException, GeneralSecurityException {
        Path p12 = dataDir.resolve(SELF_SIGNED_P12);
        Path pass = dataDir.resolve(SELF_SIGNED_PASSWORD);
        Path crt = dataDir.resolve(SELF_SIGNED_CERT);
        Path key = dataDir.resolve(SELF_SIGNED_KEY);
        if (Files.exists(p12) && Files.exists(pass)) {
            return loadP12(p12, pass);
        }
        if (Files.exists(crt) && Files.exists(key)) {
            return fromPem(crt, key);
        }
        Files.createDirectories(dataDir);
        String host = hostName();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (Files.isExecutable(keytool)) {
            generateWithKeytool(keytool, host, p12, pass);
            LOG.info("Generated a self-signed certificate for {} with keytool into {}", host, p12);
            return loadP12(p12, pass);
        }
        generateWithOpenssl(host, crt, key);
        LOG.info("Generated a self-signed certificate for {} with openssl into {}", host, crt);
        return fromPem(crt, key);
    }

    private static Loaded loadP12(Path p12, Path pass) throws IOException, GeneralSecurityException {
        char[] password = Files.readString(pass, StandardCharsets.US_ASCII).strip().toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, password);
        }
        return new Loaded(ks, password);
    }

    private static void generateWithKeytool(Path keytool, String host, Path p12, Path pass)
            throws IOException, GeneralSecurityException {
        String password = new String(randomPassword());
        Path tmp = p12.resolveSibling(p12.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-genkeypair", "-noprompt", "-alias", "koppel-eas",
                "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "3650",
                "-dname", "CN=" + host, "-ext", "SAN=" + subjectAltNames(host, "dns:", "ip:"),
                "-storetype", "PKCS12", "-keystore", tmp.toString(), "-storepass:env", "KOPPEL_EAS_STOREPASS",
                "-keypass:env", "KOPPEL_EAS_STOREPASS");
        // The password goes through the environment, not the command line other users can read.
        pb.environment().put("KOPPEL_EAS_STOREPASS", password);
        run(pb, "keytool");
        writePrivate(pass, password + "\n");
        restrict(tmp);
        move(tmp, p12);
    }

    private static void generateWithOpenssl(String host, Path crt, Path key) throws IOException, GeneralSecurityException {
        Path tmpCrt = crt.resolveSibling(crt.getFileName() + ".tmp");
        Path tmpKey = key.resolveSibling(key.getFileName() + ".tmp");
        ProcessBuilder pb = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-sha256", "-days", "3650", "-subj", "/CN=" + host, "-addext",
                "subjectAltName=" + subjectAltNames(host, "DNS:", "IP:"), "-keyout", tmpKey.toString(),
                "-out", tmpCrt.toString());
        try {
            run(pb, "openssl");
        } catch (IOException e) {
            throw new IOException("cannot make a self-signed certificate: neither " + "$JAVA_HOME/bin/keytool"
                    + " nor openssl works (" + e.getMessage() + "); set ssl_cert_file and ssl_key_file", e);
        }
        restrict(tmpKey);
        move(tmpKey, key);
        move(tmpCrt, crt);
    }

    private static void run(ProcessBuilder pb, String name) throws IOException {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] output = p.getInputStream().readNBytes(64 * 1024);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(name + " did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while " + name + " ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(name + " failed (exit " + p.exitValue() + "): "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
    }

    private static String subjectAltNames(String host, String dns, String ip) {
        StringBuilder b = new StringBuilder(dns).append("localhost,").append(ip).append("127.0.0.1");
        if (!host.equals("localhost")) {
            b.append(',').append(dns).append(host);
        }
        return b.toString();
    }

    /** This machine's name, when it is one a certificate can carry; else {@code localhost}. */
    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getCanonicalHostName();
            if (h.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?") && !h.matches("[0-9.]+")) {
                return h;
            }
        } catch (IOException e) {
            LOG.debug("No host name for the self-signed certificate: {}", e.toString());
        }
        return "localhost";
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        restrict(tmp);
        move(tmp, file);
    }

    private static void restrict(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static char[] randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b).toCharArray();
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws IOException, GeneralSecurityException {
        if (Files.size(file) > MAX_PEM_FILE) {
            throw new GeneralSecurityException(file + " is too large for a PEM file");
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

    private static PrivateKey pkcs8(byte[] der, Path file) throws GeneralSecurityException {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // Try the next algorithm: PKCS #8 names it inside, but KeyFactory wants it up front.
            }
        }
        throw new GeneralSecurityException(file + ": a private key of an unsupported algorithm");
    }

    /** Wraps a PKCS #1 RSAPrivateKey in a PKCS #8 PrivateKeyInfo (version 0, rsaEncryption, NULL). */
    private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01,
            0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.writeBytes(octets);
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
