package org.koppel.eas.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * The last Sync request of a device account as device-state keeps it, for an empty Sync (no body: "the same
 * again") and a partial one (the collections sent complete the cached ones) of MS-ASCMD 2.2.1.21.1. It is
 * kept without client commands and with the sync keys the response handed out, so that repeating it
 * continues from where the device is. Stored as the protocol version followed by the request in WBXML.
 */
final class CachedSyncRequest {

    private final CodePages pages;
    private final SyncCodec codec;

    CachedSyncRequest(CodePages pages, SyncCodec codec) {
        this.pages = pages;
        this.codec = codec;
    }

    /** The request to keep: {@code request}'s collections without commands, with the keys now valid. */
    byte[] encode(SyncRequest<?> request, Map<String, String> keys, ProtocolVersion version) {
        List<SyncRequest.Collection<ApplicationDataWriter>> collections = new ArrayList<>();
        for (SyncRequest.Collection<?> c : request.collections()) {
            collections.add(new SyncRequest.Collection<>(c.contentClass(),
                    keys.getOrDefault(c.collectionId(), c.syncKey()), c.collectionId(), c.supported(),
                    c.deletesAsMoves(), c.getChanges(), c.windowSize(), c.conversationMode(), c.options(), List.of()));
        }
        SyncRequest<ApplicationDataWriter> kept = new SyncRequest<>(collections, request.waitMinutes(),
                request.heartbeatInterval(), request.windowSize(), false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] header = version.header().getBytes(StandardCharsets.US_ASCII);
        bytes.write(header.length);
        bytes.writeBytes(header);
        try {
            codec.encodeRequest(new WbxmlWriter(bytes, pages, version), kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What {@link #encode} wrote, read in the version it was written in; empty when unreadable. */
    <D> Optional<SyncRequest<D>> decode(byte[] stored) {
        if (stored.length < 2 || stored[0] < 1 || stored[0] >= stored.length) {
            return Optional.empty();
        }
        String header = new String(stored, 1, stored[0], StandardCharsets.US_ASCII);
        Optional<ProtocolVersion> version = ProtocolVersion.fromHeader(header);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        int start = 1 + stored[0];
        try {
            SyncRequest<D> r = codec.decodeRequest(
                    new WbxmlReader(new ByteArrayInputStream(stored, start, stored.length - start), pages),
                    version.get(), (id, in) -> {
                        throw in.invalid("a cached request has no commands");
                    });
            return Optional.of(r);
        } catch (DecodeException | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A partial request completed from the cached one: its collections replace the cached ones of the same id
     * and are added to them, and what it leaves out (Wait, HeartbeatInterval, WindowSize) is taken from the cache.
     */
    static <D> SyncRequest<D> complete(SyncRequest<D> partial, SyncRequest<D> cached) {
        Map<String, SyncRequest.Collection<D>> byId = new LinkedHashMap<>();
        cached.collections().forEach(c -> byId.put(c.collectionId(), c));
        partial.collections().forEach(c -> byId.put(c.collectionId(), c));
        boolean ownWait = partial.waitMinutes().isPresent() || partial.heartbeatInterval().isPresent();
        return new SyncRequest<>(new ArrayList<>(byId.values()),
                ownWait ? partial.waitMinutes() : cached.waitMinutes(),
                ownWait ? partial.heartbeatInterval() : cached.heartbeatInterval(),
                partial.windowSize().or(cached::windowSize), false);
    }
}
