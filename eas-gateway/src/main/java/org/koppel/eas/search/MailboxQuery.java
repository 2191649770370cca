package org.koppel.eas.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.codec.ContentClass;

/**
 * The Query of a Mailbox Search ([MS-ASCMD] 2.2.3.142.2): an And of classes, collections, free text, a
 * conversation and DateReceived bounds. {@code tooComplex} marks a query with operators the server does not
 * evaluate (Or, EqualTo, nested And).
 */
public record MailboxQuery(List<ContentClass> classes, List<String> collectionIds, Optional<String> freeText,
        Optional<byte[]> conversationId, Optional<Instant> receivedAfter, Optional<Instant> receivedBefore,
        boolean tooComplex) {

    public MailboxQuery {
        classes = List.copyOf(classes);
        collectionIds = List.copyOf(collectionIds);
        Objects.requireNonNull(freeText, "freeText");
        conversationId = conversationId.map(byte[]::clone);
        Objects.requireNonNull(receivedAfter, "receivedAfter");
        Objects.requireNonNull(receivedBefore, "receivedBefore");
    }

    public static MailboxQuery freeText(String text) {
        return new MailboxQuery(List.of(ContentClass.EMAIL), List.of(), Optional.of(text), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
    }
}
