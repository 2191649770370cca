package org.koppel.store.client;

import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.SourceKey;

/**
 * What became of one imported change.
 *
 * @param sourceKey the message's source key (a new message's, for a save without one)
 * @param entryId   where the message is now; empty when it is gone or was never there
 */
public record ImportResult(Outcome outcome, Optional<SourceKey> sourceKey, Optional<EntryId> entryId) {

    public enum Outcome {
        /** Applied without conflict. */
        APPLIED,
        /** A conflict the client's version won ({@link ConflictPolicy#CLIENT_WINS}). */
        CONFLICT_CLIENT_WON,
        /** A conflict the server's version won; the next export brings it to the client. */
        CONFLICT_SERVER_WON,
        /** The server already has this version or a later one; nothing changed. */
        IGNORED,
        /** The message is not in the folder (deleted or moved meanwhile); nothing changed. */
        NOT_FOUND
    }
}
