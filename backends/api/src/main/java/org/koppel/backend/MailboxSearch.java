package org.koppel.backend;

import java.util.List;

/** Search (Mailbox store): free-text search over the user's mail. Optional. */
public interface MailboxSearch {

    record Hit(String folderId, String itemId) {
    }

    List<Hit> search(String freeText, int maxResults);
}
