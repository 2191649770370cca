package org.koppel.store.core.directory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.koppel.mapi.MapiException;

/**
 * Password hashing with PBKDF2-HMAC-SHA256, a per-user random salt and a tunable cost. Hashes are
 * self-describing ({@code $pbkdf2-sha256$<iterations>$<salt>$<hash>}), so raising the cost later keeps old
 * hashes verifiable and {@link #needsRehash} tells when to upgrade one at the next logon.
 */
public final class PasswordHasher {

    private static final String PREFIX = "$pbkdf2-sha256$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Longer passwords are refused, so a logon cannot be made to hash megabytes. */
    public static final int MAX_PASSWORD_LENGTH = 1024;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final String dummy;

    public PasswordHasher(int iterations) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("PBKDF2 needs at least 1000 iterations");
        }
        this.iterations = iterations;
        // Verifying against it costs a real derivation (that is its point); building it needs none: random
        // salt and random expected bytes, which no password derives to. Hashing here cost every start
        // more than half a second.
        byte[] salt = new byte[SALT_BYTES];
        byte[] dk = new byte[HASH_BITS / 8];
        random.nextBytes(salt);
        random.nextBytes(dk);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        this.dummy = PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(dk);
    }

    /** A valid hash of nothing anyone knows, to spend the same time on logons for unknown users. */
    public String dummyHash() {
        return dummy;
    }

    public String hash(String password) {
        check(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] dk = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(dk);
    }

    public boolean verify(String password, String stored) {
        if (stored == null || !stored.startsWith(PREFIX) || password == null
                || password.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(expected, derive(password, salt, n));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean needsRehash(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return true;
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$");
        try {
            return Integer.parseInt(parts[0]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void check(String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            throw new MapiException.InvalidParameter("a password must have 1 to " + MAX_PASSWORD_LENGTH
                    + " characters");
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new MapiException.CallFailed("PBKDF2 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Constant-time comparison of two secrets given as text. */
    public static boolean secretsEqual(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
