package org.koppel.eas.ping;

import java.util.List;
import java.util.Optional;

/**
 * A Ping response.
 *
 * @param status            why the Ping ended
 * @param changedFolders    with {@link PingStatus#CHANGES}: the ids of the folders that changed
 * @param maxFolders        with {@link PingStatus#TOO_MANY_FOLDERS}: how many folders the server watches
 * @param heartbeatInterval with {@link PingStatus#HEARTBEAT_OUT_OF_RANGE}: the nearest allowed interval
 */
public record PingResponse(PingStatus status, List<String> changedFolders, Optional<Integer> maxFolders,
        Optional<Integer> heartbeatInterval) {

    public PingResponse {
        changedFolders = List.copyOf(changedFolders);
    }

    public static PingResponse of(PingStatus status) {
        return new PingResponse(status, List.of(), Optional.empty(), Optional.empty());
    }
}
