package org.koppel.gateway.imap.syntax;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The octets of a literal a client sent with a command (an APPEND message): small ones in memory, large ones in a
 * temp file, so a 64 MiB message never sits in a byte array. Close it when the command is done to delete the file.
 */
public final class Literal implements AutoCloseable {

    private final byte[] bytes;
    private final Path file;
    private final long size;
    private final boolean binary;

    private Literal(byte[] bytes, Path file, long size, boolean binary) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
        this.binary = binary;
    }

    /** A literal held in memory (tests, and small literals). */
    public static Literal of(byte[] bytes, boolean binary) {
        return new Literal(bytes.clone(), null, bytes.length, binary);
    }

    static Literal inMemory(byte[] owned, boolean binary) {
        return new Literal(owned, null, owned.length, binary);
    }

    static Literal spooled(Path file, long size, boolean binary) {
        return new Literal(null, file, size, binary);
    }

    /** A new stream over the octets; may be called more than once. */
    public InputStream open() throws IOException {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        return Files.newInputStream(file);
    }

    public long size() {
        return size;
    }

    /** Whether it was sent as {@code ~{n}} (literal8, RFC 3516): it may contain NUL octets. */
    public boolean binary() {
        return binary;
    }

    /** Whether it was spooled to a file rather than held in memory. */
    public boolean spooled() {
        return file != null;
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String toString() {
        return (binary ? "~{" : "{") + size + "}";
    }
}
