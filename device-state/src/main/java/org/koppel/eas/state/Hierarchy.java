package org.koppel.eas.state;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder hierarchy a device account knows (FolderSync, FolderCreate, FolderUpdate, FolderDelete): the
 * FolderSync key with the folder list each key stands for, so an incremental FolderSync can be computed as
 * a difference and repeated after a lost response; and the short ServerIds given to backend folders.
 * ServerIds are small numbers, stable for a backend folder, and never handed out twice on one account.
 */
public interface Hierarchy {

    /**
     * What the client's FolderSync (or FolderCreate/Update/Delete) key stands for: the folders the device
     * knows. Same key semantics as {@link SyncStates#lookup}; unknown keys are FolderSync status 9.
     */
    KeyLookup<List<HierarchyFolder>> lookup(DeviceAccount account, String clientKey);

    /**
     * The folder list of the account's newest hierarchy key (whether or not the device has used it yet: it is
     * what the device has been told); empty before its first FolderSync.
     */
    Optional<List<HierarchyFolder>> latest(DeviceAccount account);

    /** Issues the next hierarchy key, standing for the folder list the response leaves the device with. */
    SyncKey issue(SyncPoint<List<HierarchyFolder>> from, List<HierarchyFolder> folders, byte[] pending);

    /** The ServerId of a backend folder, given one now if it has none. */
    String serverId(DeviceAccount account, String backendFolderId);

    /** {@link #serverId} for many folders in one transaction: backend id to ServerId. */
    Map<String, String> serverIds(DeviceAccount account, Collection<String> backendFolderIds);

    /**
     * The ServerId a backend folder already has on the device (it was handed out by a FolderSync or a
     * FolderCreate), without giving one: empty for a folder the device has never been told about.
     */
    Optional<String> knownServerId(DeviceAccount account, String backendFolderId);

    /** The backend folder behind a ServerId (or CollectionId) the device sent; empty for one never given. */
    Optional<String> backendId(DeviceAccount account, String serverId);
}
