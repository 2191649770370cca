package org.koppel.eas.foldersync;

/** A FolderDelete request. */
public record FolderDeleteRequest(String syncKey, String serverId) {
}
