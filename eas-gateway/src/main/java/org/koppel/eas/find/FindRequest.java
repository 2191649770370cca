package org.koppel.eas.find;

import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.search.MailboxQuery;
import org.koppel.eas.search.Range;

/**
 * A Find request ([MS-ASCMD] 2.2.1.2, 16.1): the client's SearchId and one criterion, a mailbox query (class,
 * collection, free text) or a GAL query (its free text), with the range and, for the mailbox, deep traversal.
 */
public record FindRequest(String searchId, Optional<MailboxQuery> mailbox, Optional<String> gal, Optional<Range> range,
        boolean deepTraversal) {

    public FindRequest {
        Objects.requireNonNull(searchId, "searchId");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(gal, "gal");
        Objects.requireNonNull(range, "range");
        if (mailbox.isPresent() == gal.isPresent()) {
            throw new IllegalArgumentException("a Find has one criterion");
        }
    }
}
