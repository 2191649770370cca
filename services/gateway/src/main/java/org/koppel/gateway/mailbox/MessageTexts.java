package org.koppel.gateway.mailbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.StoredMessage;
import org.koppel.inetmapi.mime.MimeWriter;
import org.koppel.inetmapi.mime.OriginalMime;
import org.koppel.mapi.EntryId;
import org.koppel.store.client.Session;

/**
 * Renders messages to their RFC 5322 text, and remembers recent small ones (and the sizes of big ones) for
 * every session of the gateway: an IMAP client asks for RFC822.SIZE, the header, the structure and the body
 * of the same message in quick succession, often from two connections. A cached text is keyed by the entry
 * id and the MODSEQ, so any change to the message is a new key; a session only asks for messages its own
 * view (its own export, under its own rights) gave it.
 */
public final class MessageTexts {

    /** What a gateway keeps of message text, across all sessions of both protocols, unless told otherwise. */
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;

    /** Messages up to this size are kept whole in the cache. */
    static final int CACHED_TEXT_LIMIT = 256 * 1024;

    private final Cache<MessageVersion, byte[]> texts;
    private final Cache<MessageVersion, Long> sizes;

    /** @param cacheBytes how many bytes of message text the cache may hold */
    public MessageTexts(long cacheBytes) {
        this.texts = Caffeine.newBuilder().maximumWeight(cacheBytes)
                .weigher((MessageVersion k, byte[] v) -> v.length + 64).build();
        this.sizes = Caffeine.newBuilder().maximumSize(100_000).build();
    }

    /** The text of a message of a session's view. */
    public MessageText text(Session session, NamedTagMap names, MessageEntry message) {
        return text(session, names, message.entryId(), message.modSeq());
    }

    /** The text of a message as it is at {@code modSeq} (its MODSEQ from the export that listed it). */
    public MessageText text(Session session, NamedTagMap names, EntryId message, long modSeq) {
        MessageVersion key = MessageVersion.of(message, modSeq);
        byte[] cached = texts.getIfPresent(key);
        if (cached != null) {
            return MessageText.of(cached);
        }
        Long size = sizes.getIfPresent(key);
        if (size != null) {
            return new MessageText(size, () -> render(session, names, message));
        }
        BoundedCopy copy = new BoundedCopy(CACHED_TEXT_LIMIT);
        write(session, names, message, copy);
        if (copy.kept() != null) {
            texts.put(key, copy.kept());
            return MessageText.of(copy.kept());
        }
        sizes.put(key, copy.count());
        return new MessageText(copy.count(), () -> render(session, names, message));
    }

    private static void write(Session session, NamedTagMap names, EntryId message, OutputStream out) {
        try {
            new MimeWriter(names).writeOriginalOrNew(new StoredMessage(session, message), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a big message's text without holding it: the kept original straight from the store, a rendering
     * through a pipe fed by a virtual thread. A rendering that fails half-way ends the stream early, which
     * the caller notices against the size it announced.
     */
    private static InputStream render(Session session, NamedTagMap names, EntryId message) throws IOException {
        StoredMessage stored = new StoredMessage(session, message);
        var original = OriginalMime.of(stored, names);
        if (original.isPresent()) {
            return original.get().open();
        }
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread.ofVirtual().name("imap-render").start(() -> {
            try (out) {
                new MimeWriter(names).write(stored, out);
            } catch (IOException | RuntimeException e) {
                // the reader sees the pipe end early ("write end dead") and fails its response
            }
        });
        return in;
    }

    /** Counts everything written and keeps it while it stays under a limit. */
    private static final class BoundedCopy extends OutputStream {
        private final int limit;
        private ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long count;

        BoundedCopy(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            if (kept != null) {
                if (count > limit) {
                    kept = null;
                } else {
                    kept.write(b, off, len);
                }
            }
        }

        byte[] kept() {
            return kept == null ? null : kept.toByteArray();
        }

        long count() {
            return count;
        }
    }
}
