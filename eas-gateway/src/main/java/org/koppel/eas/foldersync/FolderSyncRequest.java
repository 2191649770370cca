package org.koppel.eas.foldersync;

/** A FolderSync request: the client's hierarchy sync key, "0" for the first sync. */
public record FolderSyncRequest(String syncKey) {
}
