package org.koppel.eas.foldersync;

import java.util.Optional;

/** A FolderUpdate response: on success the new hierarchy sync key. */
public record FolderUpdateResponse(FolderUpdateStatus status, Optional<String> syncKey) {
}
