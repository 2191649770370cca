package org.koppel.eas.foldersync;

import java.util.Optional;

/** A FolderDelete response: on success the new hierarchy sync key. */
public record FolderDeleteResponse(FolderDeleteStatus status, Optional<String> syncKey) {
}
