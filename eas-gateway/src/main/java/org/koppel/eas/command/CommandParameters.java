package org.koppel.eas.command;

import java.util.Objects;
import java.util.Optional;

/**
 * The command parameters of a request's query (MS-ASHTTP 2.2.1.1.1.2.5 in the plain form, 2.2.1.1.1.1.3 in
 * the base64 form), decoded; they mean the same whichever form the client used.
 *
 * @param attachmentName GetAttachment's attachment
 * @param collectionId SmartForward/SmartReply: folder of the source message
 * @param itemId SmartForward/SmartReply: the source message
 * @param longId SmartForward/SmartReply: a Search result
 * @param occurrence SmartForward/SmartReply: one occurrence of a recurring meeting
 * @param saveInSent SendMail/SmartForward/SmartReply: keep a copy in Sent Items
 * @param acceptMultiPart ItemOperations: answer in the multipart format (also the MS-ASAcceptMultiPart header)
 */
public record CommandParameters(Optional<String> attachmentName, Optional<String> collectionId,
        Optional<String> itemId, Optional<String> longId, Optional<String> occurrence, boolean saveInSent,
        boolean acceptMultiPart) {

    public static final CommandParameters NONE = new CommandParameters(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), false, false);

    public CommandParameters {
        Objects.requireNonNull(attachmentName, "attachmentName");
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(longId, "longId");
        Objects.requireNonNull(occurrence, "occurrence");
    }

    /** The same, with multipart asked for (the header says so even when the query did not). */
    public CommandParameters withAcceptMultiPart() {
        return new CommandParameters(attachmentName, collectionId, itemId, longId, occurrence, saveInSent, true);
    }
}
