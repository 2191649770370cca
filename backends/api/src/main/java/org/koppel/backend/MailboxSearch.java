package org.koppel.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Search (Mailbox store) and Find: a text search over the user's own mail folders, evaluated by the backend
 * within a time limit, newest first, one page at a time. Optional.
 */
public interface MailboxSearch {

    /**
     * What to look for.
     *
     * @param freeText        words that must each occur (case-insensitively, as a substring) in the subject, the
     *                        plain-text body, or a sender or recipient name or address; quoted words stay together
     * @param folderIds       the folders to search; empty: every mail folder of the mailbox
     * @param deep            also the subfolders of {@code folderIds}
     * @param receivedAfter   only mail received strictly after this
     * @param receivedBefore  only mail received strictly before this
     * @param conversationId  only mail of this conversation (MS-ASEMAIL2 ConversationId)
     * @param offset          the first match to return (0: the newest)
     * @param limit           the most matches to return
     * @param timeLimit       how long the search may take before it gives up
     * @param bodyPreferences the body types the hits' items are fetched with
     */
    record Query(String freeText, List<String> folderIds, boolean deep, Optional<Instant> receivedAfter,
            Optional<Instant> receivedBefore, Optional<byte[]> conversationId, int offset, int limit,
            Duration timeLimit, List<BodyPreference> bodyPreferences) {

        public Query {
            Objects.requireNonNull(freeText, "freeText");
            folderIds = List.copyOf(folderIds);
            Objects.requireNonNull(receivedAfter, "receivedAfter");
            Objects.requireNonNull(receivedBefore, "receivedBefore");
            conversationId = conversationId.map(byte[]::clone);
            Objects.requireNonNull(timeLimit, "timeLimit");
            bodyPreferences = List.copyOf(bodyPreferences);
            if (offset < 0 || limit < 0) {
                throw new IllegalArgumentException("offset and limit must not be negative");
            }
        }
    }

    /** One match: the folder it is in, its id there, and the item with the body asked for. */
    record Hit(String folderId, String itemId, Item item) {
        public Hit {
            Objects.requireNonNull(folderId, "folderId");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(item, "item");
        }
    }

    /** What a search came to. */
    sealed interface Result {
        /** {@code total} matches, of which {@code hits} are the page asked for. */
        record Found(int total, List<Hit> hits) implements Result {
            public Found {
                hits = List.copyOf(hits);
            }
        }

        /** The time limit ran out before the search was done. */
        record TimedOut() implements Result {
        }
    }

    /**
     * Searches the user's own mail; another user's folders are never searched.
     *
     * @throws BackendException.NotFound when a folder of {@code folderIds} does not exist (any more)
     */
    Result search(Query query);
}
