package org.koppel.store.core.notify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.koppel.store.client.Notification;

/**
 * One change the engine publishes to the {@link NotificationHub} after its transaction committed.
 *
 * <p>Matching rule: a subscription on store S receives the event when {@code storeId == S} and it asked for the
 * event's type (RESYNC_NEEDED is always wanted). A subscription on folder F of S further needs F to be one of the
 * {@link #concernedFolders() concerned folders}: the folder holding the object now ({@code folderId}), the one it
 * was moved or copied from ({@code oldFolderId}), or the object itself when it is a folder
 * ({@code objectFolderId}). A subscription on the whole store hears every event of the store.
 *
 * @param storeId        the store's row id
 * @param folderId       the folder holding the object after the change: a message's folder, a folder's parent, the
 *                       folder whose table changed or whose search completed; null for the store itself or a root
 * @param oldFolderId    for moves and copies, the folder the object came from, so its watchers see it leave;
 *                       null otherwise
 * @param objectFolderId when the object is itself a folder, its id, so the folder's own watchers hear it was
 *                       modified, moved or deleted; null for messages
 * @param notification   the client-facing value delivered to matching listeners
 */
public record StoreEvent(long storeId, Long folderId, Long oldFolderId, Long objectFolderId,
        Notification notification) {

    public StoreEvent {
        Objects.requireNonNull(notification, "notification");
    }

    /** An event about a message (created, modified, deleted, new mail) or about a folder's table or search. */
    public static StoreEvent inFolder(long storeId, long folderId, Notification notification) {
        return new StoreEvent(storeId, folderId, null, null, notification);
    }

    /** A message moved or copied from {@code fromFolderId} to {@code toFolderId}. */
    public static StoreEvent messageMovedOrCopied(long storeId, long toFolderId, long fromFolderId,
            Notification notification) {
        return new StoreEvent(storeId, toFolderId, fromFolderId, null, notification);
    }

    /** An event about folder {@code folderId} itself (created, modified, deleted); a root has no parent. */
    public static StoreEvent onFolder(long storeId, Long parentFolderId, long folderId, Notification notification) {
        return new StoreEvent(storeId, parentFolderId, null, folderId, notification);
    }

    /** Folder {@code folderId} moved or copied from under {@code fromParentId} to under {@code toParentId}. */
    public static StoreEvent folderMovedOrCopied(long storeId, long toParentId, long fromParentId, long folderId,
            Notification notification) {
        return new StoreEvent(storeId, toParentId, fromParentId, folderId, notification);
    }

    /** The distinct folders whose subscribers hear of this event (besides the whole store's). */
    public List<Long> concernedFolders() {
        List<Long> folders = new ArrayList<>(3);
        addDistinct(folders, folderId);
        addDistinct(folders, oldFolderId);
        addDistinct(folders, objectFolderId);
        return Collections.unmodifiableList(folders);
    }

    // Distinct, so that a copy within one folder reaches that folder's subscribers once.
    private static void addDistinct(List<Long> folders, Long id) {
        if (id != null && !folders.contains(id)) {
            folders.add(id);
        }
    }
}
