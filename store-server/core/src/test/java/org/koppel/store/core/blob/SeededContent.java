package org.koppel.store.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Reproducible pseudo-random attachment data of any length, generated as it is read, so tests can put and
 * check 50 MB without holding it: the same seed and length always give the same bytes.
 */
final class SeededContent extends InputStream {

    private final long length;
    private long state;
    private long produced;

    SeededContent(long seed, long length) {
        this.length = length;
        // Spread small seeds so seed 1 and seed 2 differ from their first byte.
        this.state = seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL;
    }

    @Override
    public int read() {
        if (produced == length) {
            return -1;
        }
        produced++;
        return next();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (produced == length) {
            return -1;
        }
        int n = (int) Math.min(len, length - produced);
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) next();
        }
        produced += n;
        return n;
    }

    /** How many bytes have been read so far. */
    long produced() {
        return produced;
    }

    private int next() {
        state = state * 6364136223846793005L + 1442695040888963407L;
        return (int) (state >>> 56);
    }

    /** The SHA-256 (hex) of the content for this seed and length. */
    static String sha256(long seed, long length) {
        return sha256(new SeededContent(seed, length));
    }

    /** Hashes a stream to its end (and closes it) without holding it. */
    static String sha256(InputStream in) {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
