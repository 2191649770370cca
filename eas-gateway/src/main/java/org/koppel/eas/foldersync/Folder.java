package org.koppel.eas.foldersync;

/** A folder as FolderSync describes it; {@code parentId} is "0" for a top-level folder. */
public record Folder(String serverId, String parentId, String displayName, FolderType type) {
}
