package org.koppel.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * A folder as the gateway shows it.
 *
 * @param id       the backend's folder id: opaque, stable for the folder's life, at most 64 characters
 * @param parentId the parent's id; empty for a folder at the top of the hierarchy (EAS ParentId 0)
 */
public record BackendFolder(String id, Optional<String> parentId, String displayName, EasFolderType type) {
    public BackendFolder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(type, "type");
    }
}
