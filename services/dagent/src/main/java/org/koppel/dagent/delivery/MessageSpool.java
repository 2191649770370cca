package org.koppel.dagent.delivery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.koppel.store.client.InputStreamSource;

/**
 * A message as it is received, appended to piece by piece (DATA lines, BDAT chunks, a pipe): held in memory
 * up to a threshold and in a temporary file past it, and bounded: past {@code maxBytes} it keeps counting but
 * stops storing, so an oversized message costs neither heap nor disk while the rest of it is read and
 * thrown away. Re-readable until closed; closing deletes the file. (inetmapi's Spool does the same for a
 * stream that is read in one go; this one is fed in pieces with commands in between.)
 */
public final class MessageSpool implements InputStreamSource, AutoCloseable {

    private final int threshold;
    private final Path tempDir;
    private final long maxBytes;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean closed;

    public MessageSpool(int threshold, Path tempDir, long maxBytes) {
        this.threshold = threshold;
        this.tempDir = tempDir;
        this.maxBytes = maxBytes;
    }

    /** Appends bytes; past the limit they are only counted. */
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the message spool is closed");
        }
        size += len;
        if (size > maxBytes) {
            discard();
            return;
        }
        if (fileOut == null && size > threshold) {
            file = Files.createTempFile(tempDir, "koppel-lmtp-", ".eml");
            fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
    }

    /** Bytes written so far, stored or not. */
    public long size() {
        return size;
    }

    /** Whether more than {@code maxBytes} were written (the content is then gone). */
    public boolean overflowed() {
        return size > maxBytes;
    }

    /** Ends writing; the content can be read from now on. */
    public void finish() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
    }

    @Override
    public InputStream open() throws IOException {
        if (closed || overflowed()) {
            throw new IOException("the message is not available");
        }
        if (fileOut != null) {
            throw new IOException("the message is still being written");
        }
        if (file != null) {
            return new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        }
        return new ByteArrayInputStream(memory.toByteArray());
    }

    private void discard() throws IOException {
        memory = new ByteArrayOutputStream(0);
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
        if (file != null) {
            Files.deleteIfExists(file);
            file = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            discard();
        } catch (IOException ignored) {
            // a temporary file left behind is removed with the temporary directory
        }
        memory = null;
    }
}
