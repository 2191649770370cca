package org.koppel.eas.state;

import java.util.Objects;

/**
 * A folder as the device knows it from FolderSync: the ServerId the device uses, its parent's ServerId
 * ("0" at the top), DisplayName and Type, and the backend's id of the folder behind it.
 */
public record HierarchyFolder(String serverId, String parentId, String displayName, int type, String backendId) {

    public HierarchyFolder {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(backendId, "backendId");
    }
}
