package org.koppel.inetmapi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.koppel.store.client.InputStreamSource;

/**
 * Decoded content (a MIME part's body, a TNEF attachment's data), held in memory up to a threshold and in a
 * temporary file past it, so a 50 MB attachment costs a file, not a heap. Re-readable until closed; closing
 * deletes the file. Shared by the MIME and TNEF readers.
 */
public final class Spool implements InputStreamSource, AutoCloseable {

    private byte[] bytes;
    private int length;
    private Path file;

    private Spool() {
    }

    /** Copies a stream into a spool, switching to a file in {@code tempDir} past {@code threshold} bytes. */
    public static Spool of(InputStream in, int threshold, Path tempDir, long maxBytes) throws IOException {
        Spool s = new Spool();
        ByteArrayOutputStream memory = new ByteArrayOutputStream(Math.min(threshold, 8192));
        byte[] buf = new byte[8192];
        long total = 0;
        OutputStream fileOut = null;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new PartTooLargeException(maxBytes);
                }
                if (fileOut == null && total > threshold) {
                    s.file = Files.createTempFile(tempDir, "koppel-mime-", ".part");
                    fileOut = Files.newOutputStream(s.file);
                    memory.writeTo(fileOut);
                    memory = null;
                }
                if (fileOut != null) {
                    fileOut.write(buf, 0, n);
                } else {
                    memory.write(buf, 0, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (fileOut != null) {
                fileOut.close();
            }
            s.close();
            throw e;
        }
        if (fileOut != null) {
            fileOut.close();
        } else {
            s.bytes = memory.toByteArray();
            s.length = s.bytes.length;
        }
        return s;
    }

    public static Spool ofBytes(byte[] data) {
        Spool s = new Spool();
        s.bytes = data;
        s.length = data.length;
        return s;
    }

    @Override
    public InputStream open() throws IOException {
        if (file != null) {
            return Files.newInputStream(file);
        }
        if (bytes == null) {
            throw new IOException("the spool was closed");
        }
        return new ByteArrayInputStream(bytes, 0, length);
    }

    public long size() throws IOException {
        return file != null ? Files.size(file) : length;
    }

    /** The whole content, for bodies (text parts are read into properties anyway). */
    public byte[] readAll(int max) throws IOException {
        if (file == null) {
            return length > max ? Arrays.copyOf(bytes, max) : bytes;
        }
        try (InputStream in = open()) {
            return in.readNBytes(max);
        }
    }

    @Override
    public void close() {
        bytes = null;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the temporary directory
            }
            file = null;
        }
    }

    /** A part larger than the configured bound. */
    public static final class PartTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        PartTooLargeException(long max) {
            super("a MIME part is larger than " + max + " bytes");
        }
    }
}
