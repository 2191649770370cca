package org.koppel.gateway.imap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.koppel.gateway.imap.message.MimePart;
import org.koppel.gateway.mailbox.MessageEntry;
import org.koppel.gateway.mailbox.MessageVersion;

/**
 * Parsed MIME structures of recently fetched messages, for every IMAP session of the gateway: a client's
 * FETCH 1:* (... BODY.PEEK[HEADER.FIELDS (...)]) needs each message's structure, and parsing means reading the
 * whole text. Keyed by entry id and MODSEQ, like the texts; bounded by the header octets it holds.
 */
final class StructureCache {

    /** What the cache may hold, counted as header octets plus a little per part. */
    static final long DEFAULT_BYTES = 16L << 20;

    private final Cache<MessageVersion, MimePart> structures;

    StructureCache(long maxBytes) {
        this.structures = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((MessageVersion k, MimePart p) -> (int) Math.min(Integer.MAX_VALUE, weight(p))).build();
    }

    /** The structure of the message as it is at its MODSEQ, parsed by {@code parse} if it is not kept. */
    MimePart structure(MessageEntry message, Supplier<MimePart> parse) {
        return structures.get(MessageVersion.of(message), k -> parse.get());
    }

    private static long weight(MimePart p) {
        long w = p.headerSize() + 128;
        for (MimePart c : p.children()) {
            w += weight(c);
        }
        if (p.embedded().isPresent()) {
            w += weight(p.embedded().get());
        }
        return w;
    }
}
