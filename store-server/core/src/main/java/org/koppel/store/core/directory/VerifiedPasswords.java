package org.koppel.store.core.directory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords recently proven against a stored hash, so the next logon with the same password costs one HMAC
 * instead of a PBKDF2 derivation: IMAP clients open several connections, ActiveSync authenticates every request,
 * and 600,000 iterations are a third of a second of CPU each time. The same idea as Dovecot's auth cache.
 *
 * <p>Kept per stored hash (which changes with every password change, so a new password invalidates the entry by
 * itself): an HMAC of the password under a key that exists only in this process, never the password. Only
 * successes are remembered: a wrong password always pays the full derivation, so guessing stays as slow as
 * before. Entries live a few minutes and their number is bounded.
 */
final class VerifiedPasswords {

    /** Past this many entries the memo starts over. */
    static final int MAX_ENTRIES = 20_000;

    private record Proof(byte[] mac, Instant until) {
    }

    private final Clock clock;
    private final Duration keep;
    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Proof> proofs = new ConcurrentHashMap<>();

    VerifiedPasswords(Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    /** Whether {@code password} was proven against {@code storedHash} within the last few minutes. */
    boolean proven(String storedHash, String password) {
        Proof p = proofs.get(storedHash);
        if (p == null) {
            return false;
        }
        if (clock.instant().isAfter(p.until())) {
            proofs.remove(storedHash, p);
            return false;
        }
        return MessageDigest.isEqual(p.mac(), mac(password));
    }

    /** Remembers that {@code password} matched {@code storedHash} (after a full verification). */
    void remember(String storedHash, String password) {
        if (proofs.size() >= MAX_ENTRIES) {
            proofs.clear();
        }
        proofs.put(storedHash, new Proof(mac(password), clock.instant().plus(keep)));
    }

    private byte[] mac(String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
