package org.koppel.eas.foldersync;

import java.util.Optional;

/** A FolderCreate response: on success the new hierarchy sync key and the new folder's id. */
public record FolderCreateResponse(FolderCreateStatus status, Optional<String> syncKey, Optional<String> serverId) {
}
