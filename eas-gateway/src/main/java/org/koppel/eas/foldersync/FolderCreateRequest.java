package org.koppel.eas.foldersync;

/** A FolderCreate request: make {@code displayName} of {@code type} under {@code parentId} ("0": top). */
public record FolderCreateRequest(String syncKey, String parentId, String displayName, FolderType type) {
}
