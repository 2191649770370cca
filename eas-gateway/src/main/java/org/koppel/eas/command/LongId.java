package org.koppel.eas.command;

import java.util.Objects;
import java.util.Optional;

/**
 * The LongId of a Search result (MS-ASCMD 2.2.3.97): the handle by which ItemOperations Fetch, SmartReply and
 * SmartForward later name that item without a CollectionId. It is opaque to the client, so it carries the
 * backend's own ids, folder first: {@code folderId ":" itemId}. Backend ids hold no colon (the MAPI backend's
 * are hex source keys); the folder part is the backend folder, not the device's ServerId, so a LongId stays
 * valid whichever device account asks.
 */
public record LongId(String folderId, String itemId) {

    /** MS-ASCMD caps LongId at 256 characters. */
    public static final int MAX_LENGTH = 256;

    public LongId {
        Objects.requireNonNull(folderId, "folderId");
        Objects.requireNonNull(itemId, "itemId");
        if (folderId.isEmpty() || itemId.isEmpty() || folderId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("not a LongId: " + folderId + " / " + itemId);
        }
        if (folderId.length() + 1 + itemId.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("LongId longer than " + MAX_LENGTH + " characters");
        }
    }

    /** The text a Search response carries. */
    public String text() {
        return folderId + ":" + itemId;
    }

    /** The LongId a client sent back, or empty when it is not one this server issued. */
    public static Optional<LongId> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new LongId(text.substring(0, colon), text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return text();
    }
}
