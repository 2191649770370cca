package org.koppel.tls;

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
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-signed certificate a listener uses when no certificate is configured: kept in a data directory
 * under {@code <name>-selfsigned.*} and made there on first start with the JDK's {@code keytool}
 * ({@code $JAVA_HOME/bin/keytool}; the JDK offers no ToolProvider for it), or with {@code openssl} when the
 * runtime has no keytool. Each service has its own name ({@code eas}, {@code gateway}), so their files do not
 * collide in a shared data directory.
 */
public final class SelfSignedCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final String PASSWORD_VARIABLE = "KOPPEL_TLS_STOREPASS";

    private final Path directory;
    private final String name;

    /**
     * @param directory where the certificate is kept
     * @param name      the files' prefix ({@code eas}: {@code eas-selfsigned.p12}) and the key entry's alias
     *                  ({@code koppel-eas})
     */
    public SelfSignedCertificate(Path directory, String name) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (!name.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("a self-signed certificate's name is lower-case letters, digits, '-'");
        }
        this.name = name;
    }

    /** The PKCS #12 key store keytool makes. */
    public Path p12File() {
        return directory.resolve(name + "-selfsigned.p12");
    }

    /** The password of {@link #p12File()}, readable only by the owner. */
    public Path passwordFile() {
        return directory.resolve(name + "-selfsigned.pass");
    }

    /** The PEM certificate openssl makes when there is no keytool. */
    public Path certFile() {
        return directory.resolve(name + "-selfsigned.crt");
    }

    /** The PEM key openssl makes when there is no keytool. */
    public Path keyFile() {
        return directory.resolve(name + "-selfsigned.key");
    }

    /** The alias of the key entry in {@link #p12File()}. */
    public String alias() {
        return "koppel-" + name;
    }

    /** The certificate kept in the directory, made there first if it is not there yet. */
    public KeyMaterial loadOrCreate() throws IOException, GeneralSecurityException {
        Path p12 = p12File();
        Path pass = passwordFile();
        Path crt = certFile();
        Path key = keyFile();
        if (Files.exists(p12) && Files.exists(pass)) {
            return exported(loadP12(p12, pass), crt);
        }
        if (Files.exists(crt) && Files.exists(key)) {
            return KeyMaterial.fromPem(crt, key);
        }
        Files.createDirectories(directory);
        String host = hostName();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (Files.isExecutable(keytool)) {
            generateWithKeytool(keytool, host, p12, pass);
            LOG.info("Generated a self-signed certificate for {} with keytool into {}", host, p12);
            return exported(loadP12(p12, pass), crt);
        }
        generateWithOpenssl(host, crt, key);
        LOG.info("Generated a self-signed certificate for {} with openssl into {}", host, crt);
        return KeyMaterial.fromPem(crt, key);
    }

    /**
     * Writes the certificate (never the key) as PEM beside the key store, once, so an administrator can hand it to
     * clients that should trust it (mbsync's CertificateFile, Thunderbird's exception, a phone's profile).
     */
    private KeyMaterial exported(KeyMaterial keys, Path crt) throws IOException, GeneralSecurityException {
        if (!Files.exists(crt)) {
            java.security.cert.Certificate cert = keys.keyStore().getCertificate(alias());
            if (cert != null) {
                String pem = "-----BEGIN CERTIFICATE-----\n"
                        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(cert.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
                Path tmp = crt.resolveSibling(crt.getFileName() + ".tmp");
                Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
                move(tmp, crt);
            }
        }
        return keys;
    }

    private static KeyMaterial loadP12(Path p12, Path pass) throws IOException, GeneralSecurityException {
        char[] password = Files.readString(pass, StandardCharsets.US_ASCII).strip().toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, password);
        }
        return new KeyMaterial(ks, password);
    }

    private void generateWithKeytool(Path keytool, String host, Path p12, Path pass)
            throws IOException {
        String password = randomPassword();
        Path tmp = p12.resolveSibling(p12.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-genkeypair", "-noprompt", "-alias", alias(),
                "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "3650",
                "-dname", "CN=" + host, "-ext", "SAN=" + subjectAltNames(host, "dns:", "ip:"),
                "-storetype", "PKCS12", "-keystore", tmp.toString(), "-storepass:env", PASSWORD_VARIABLE,
                "-keypass:env", PASSWORD_VARIABLE);
        // The password goes through the environment, not the command line other users can read.
        pb.environment().put(PASSWORD_VARIABLE, password);
        run(pb, "keytool");
        writePrivate(pass, password + "\n");
        restrict(tmp);
        move(tmp, p12);
    }

    private static void generateWithOpenssl(String host, Path crt, Path key) throws IOException {
        Path tmpCrt = crt.resolveSibling(crt.getFileName() + ".tmp");
        Path tmpKey = key.resolveSibling(key.getFileName() + ".tmp");
        ProcessBuilder pb = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-sha256", "-days", "3650", "-subj", "/CN=" + host, "-addext",
                "subjectAltName=" + subjectAltNames(host, "DNS:", "IP:"), "-keyout", tmpKey.toString(),
                "-out", tmpCrt.toString());
        try {
            run(pb, "openssl");
        } catch (IOException e) {
            throw new IOException("cannot make a self-signed certificate: neither $JAVA_HOME/bin/keytool"
                    + " nor openssl works (" + e.getMessage() + "); set ssl_cert_file and ssl_key_file", e);
        }
        restrict(tmpKey);
        move(tmpKey, key);
        move(tmpCrt, crt);
    }

    private static void run(ProcessBuilder pb, String tool) throws IOException {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] output = p.getInputStream().readNBytes(64 * 1024);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(tool + " did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while " + tool + " ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(tool + " failed (exit " + p.exitValue() + "): "
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

    private static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
