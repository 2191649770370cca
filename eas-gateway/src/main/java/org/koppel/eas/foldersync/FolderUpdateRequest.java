package org.koppel.eas.foldersync;

/** A FolderUpdate request: rename and/or move folder {@code serverId} under {@code parentId}. */
public record FolderUpdateRequest(String syncKey, String serverId, String parentId, String displayName) {
}
