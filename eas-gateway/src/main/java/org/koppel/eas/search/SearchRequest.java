package org.koppel.eas.search;

import java.util.Objects;
import java.util.Optional;

/**
 * A Search request ([MS-ASCMD] 2.2.1.16): one Store, its Name ("Mailbox", "GAL" or "DocumentLibrary"), its
 * query (a {@link MailboxQuery} for the mailbox, the text for the GAL; a document library query is not read)
 * and its options.
 */
public record SearchRequest(String storeName, Optional<MailboxQuery> mailbox, Optional<String> galQuery,
        SearchOptions options) {

    public static final String MAILBOX = "Mailbox";
    public static final String GAL = "GAL";
    public static final String DOCUMENT_LIBRARY = "DocumentLibrary";

    public SearchRequest {
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(galQuery, "galQuery");
        Objects.requireNonNull(options, "options");
    }
}
