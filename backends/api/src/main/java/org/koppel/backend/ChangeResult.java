package org.koppel.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one client change.
 *
 * @param itemId the item's id (for an Add: the new server id)
 */
public record ChangeResult(ClientChange change, Outcome outcome, Optional<String> itemId) {
    public ChangeResult {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(itemId, "itemId");
    }

    public enum Outcome {
        /** Applied; nothing else had changed the item. */
        APPLIED,
        /** The server had changed the item too; the client's change was applied over it. */
        CONFLICT_CLIENT_WON,
        /** The server had changed the item too; its version stays and the next export sends it. */
        CONFLICT_SERVER_WON,
        /** The item is gone (Sync status 8, object not found). */
        NOT_FOUND,
        /** The change could not be applied (bad data, no rights, over quota); the rest went ahead. */
        FAILED
    }
}
