package org.koppel.eas.composemail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MIME of a message to send, held in memory up to a threshold and in a temporary file past it, so a
 * 40 MB message costs a file and not a heap. Its size is bounded by whoever feeds it (the request body's limit,
 * the WBXML reader's opaque limit). Readable any number of times until closed; closing deletes the file.
 */
public final class Mime implements AutoCloseable {

    /** What stays in memory. */
    static final int MEMORY_THRESHOLD = 256 * 1024;

    private final byte[] bytes;
    private final Path file;
    private final long length;

    private Mime(byte[] bytes, Path file, long length) {
        this.bytes = bytes;
        this.file = file;
        this.length = length;
    }

    /** MIME already in memory (what a client sends). */
    public static Mime of(byte[] data) {
        byte[] copy = data.clone();
        return new Mime(copy, null, copy.length);
    }

    /** Copies a stream to its end, spilling to a temporary file past {@link #MEMORY_THRESHOLD}. */
    public static Mime spool(InputStream in) throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        long total = 0;
        Path file = null;
        OutputStream out = null;
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                total += n;
                if (out == null && total > MEMORY_THRESHOLD) {
                    file = Files.createTempFile("koppel-eas-mime-", ".eml");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                if (out != null) {
                    out.write(buf, 0, n);
                } else {
                    memory.write(buf, 0, n);
                }
            }
            if (out != null) {
                out.close();
                return new Mime(null, file, total);
            }
            return new Mime(memory.toByteArray(), null, total);
        } catch (IOException | RuntimeException e) {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    public long length() {
        return length;
    }

    /** The MIME from its start, as a stream the caller closes. */
    public InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
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
}
