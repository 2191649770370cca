package org.koppel.store.client;

/** How far a folder deletion may go (MAPI's DEL_MESSAGES and DEL_FOLDERS). */
public record FolderDeletion(boolean deleteMessages, boolean deleteSubfolders) {
    public static final FolderDeletion ONLY_IF_EMPTY = new FolderDeletion(false, false);
    public static final FolderDeletion EVERYTHING = new FolderDeletion(true, true);
}
