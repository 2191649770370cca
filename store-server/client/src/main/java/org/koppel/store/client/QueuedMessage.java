package org.koppel.store.client;

import java.time.Instant;
import java.util.Objects;
import org.koppel.mapi.EntryId;

/**
 * A message waiting in the outgoing queue.
 *
 * @param store      the store it was submitted in
 * @param message    the message
 * @param ownerLogin the login of the store's owner, whose Sent Items it goes to (empty for an orphaned store)
 * @param submitted  when it was submitted (its PR_CLIENT_SUBMIT_TIME)
 */
public record QueuedMessage(EntryId store, EntryId message, String ownerLogin, Instant submitted) {
    public QueuedMessage {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(message, "message");
        ownerLogin = ownerLogin == null ? "" : ownerLogin;
        Objects.requireNonNull(submitted, "submitted");
    }
}
