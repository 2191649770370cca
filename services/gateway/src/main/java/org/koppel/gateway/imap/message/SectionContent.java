package org.koppel.gateway.imap.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The octets of a FETCH section, known by size before they are streamed: a range of the stored message, a few
 * octets built in memory (HEADER.FIELDS), or a part's content with its transfer encoding undone (BINARY).
 */
public final class SectionContent {

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private final Opener opener;
    private final long size;

    private SectionContent(Opener opener, long size) {
        this.opener = opener;
        this.size = size;
    }

    static SectionContent range(MessageSource source, long start, long length) {
        return new SectionContent(() -> RangeInputStream.of(source.open(), start, length), length);
    }

    static SectionContent bytes(byte[] bytes) {
        return new SectionContent(() -> new ByteArrayInputStream(bytes), bytes.length);
    }

    static SectionContent decoded(Opener opener) throws IOException {
        long size;
        try (InputStream in = opener.open()) {
            size = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new SectionContent(opener, size);
    }

    static SectionContent decoded(MessageSource source, long start, long length, TransferDecoding decoding)
            throws IOException {
        return decoded(() -> decoding.decode(RangeInputStream.of(source.open(), start, length)));
    }

    public long size() {
        return size;
    }

    /** A new stream of exactly {@link #size()} octets. */
    public InputStream open() throws IOException {
        return opener.open();
    }

    /** {@code <origin.count>}: at most count octets from origin; empty when origin is past the end. */
    public SectionContent slice(long origin, long count) {
        long start = Math.min(origin, size);
        long length = Math.min(count, size - start);
        return new SectionContent(() -> RangeInputStream.of(opener.open(), start, length), length);
    }

    /** The octets in memory (tests, and small sections). */
    public byte[] readAll() throws IOException {
        try (InputStream in = open()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == size ? bytes : Arrays.copyOf(bytes, (int) size);
        }
    }
}
