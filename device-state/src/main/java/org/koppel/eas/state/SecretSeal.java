package org.koppel.eas.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets that device state keeps for a device (the recovery password of Settings/DevicePassword) with
 * AES-256-GCM under a key that is not in the database: a file of its own, 32 random bytes in base64, made on
 * first use with mode 600. Whoever can read the database alone learns nothing; the administration reads the
 * secrets with the same key file. A sealed value is bound to its account (associated data), so a value copied
 * to another device's row does not open. Form: version byte 1, 12-byte nonce, ciphertext with its 16-byte tag.
 */
public final class SecretSeal {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private SecretSeal(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The seal of a key file, which is made (32 random bytes, mode 600) when it does not exist yet. */
    public static SecretSeal fromKeyFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return new SecretSeal(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold a base64 AES-256 key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            // another node or thread made it a moment ago: use theirs
        }
    }

    /** Seals {@code secret} for {@code account}. */
    public byte[] seal(DeviceAccount account, String secret) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(account));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens what {@link #seal} made for the same account.
     *
     * @throws IllegalArgumentException when the value was sealed with another key, for another account, or changed
     */
    public String open(DeviceAccount account, byte[] sealed) {
        if (sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalArgumentException("not a sealed value of this release");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE)));
            c.updateAAD(aad(account));
            return new String(c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value does not open with this key for " + account, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] aad(DeviceAccount account) {
        return (account.user() + "\0" + account.deviceId()).getBytes(StandardCharsets.UTF_8);
    }
}
