package org.koppel.eas.ping;

import java.util.List;
import java.util.Optional;

/**
 * A Ping request: watch these folders for up to this many seconds. Either part may be left out
 * when it has not changed since the last Ping (the server caches both); an empty request, with
 * no body at all, repeats the last one.
 *
 * @param heartbeatInterval seconds; the server checks its own range (status 5), not the codec
 * @param folders           the folders to watch; empty when the Folders element is absent
 */
public record PingRequest(Optional<Integer> heartbeatInterval, List<Folder> folders) {

    public PingRequest {
        folders = List.copyOf(folders);
    }

    /** The request with no body. */
    public static PingRequest empty() {
        return new PingRequest(Optional.empty(), List.of());
    }

    /** Nothing in it: sent without a body, and the server reuses the cached request. */
    public boolean isEmpty() {
        return heartbeatInterval.isEmpty() && folders.isEmpty();
    }

    /** A folder to watch: its server id and content class. */
    public record Folder(String id, org.koppel.eas.codec.ContentClass contentClass) {
    }
}
