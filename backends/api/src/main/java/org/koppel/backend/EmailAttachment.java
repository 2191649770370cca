package org.koppel.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * One attachment of an item (MS-ASAIRS 2.2.2.8 Attachment).
 *
 * @param fileReference opaque handle for {@link Items#attachment}, valid while the item exists
 * @param method        1 normal attachment, 5 embedded message, 6 OLE (MS-ASAIRS Method)
 */
public record EmailAttachment(String displayName, String fileReference, int method, long estimatedSize,
        Optional<String> contentId, Optional<String> contentLocation, boolean inline) {
    public EmailAttachment {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(fileReference, "fileReference");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(contentLocation, "contentLocation");
    }
}
