package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.Restriction;

/**
 * What a search folder shows: the messages of {@code folders} (and, if {@code recursive}, of their
 * subfolders, including ones created later) that match {@code restriction}.
 */
public record SearchCriteria(Restriction restriction, List<EntryId> folders, boolean recursive) {

    /** The most folders one search may name. */
    public static final int MAX_FOLDERS = 1000;

    public SearchCriteria {
        folders = List.copyOf(folders);
        if (folders.isEmpty() || folders.size() > MAX_FOLDERS) {
            throw new MapiException.InvalidParameter("a search needs 1.." + MAX_FOLDERS + " folders");
        }
    }
}
