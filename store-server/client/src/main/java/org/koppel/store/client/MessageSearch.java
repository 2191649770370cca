package org.koppel.store.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.Restriction;

/**
 * A one-off search over the messages of several folders, evaluated by the store ({@link Contents#search}):
 * the messages of {@code folders} (and, if {@code recursive}, of every subfolder the caller may read) that
 * match {@code restriction}, newest first (PR_MESSAGE_DELIVERY_TIME descending), as rows of {@code columns}
 * from {@code offset}, at most {@code limit}. Unlike a search folder nothing is kept: the next call scans
 * again. The scan stops when {@code timeLimit} has passed.
 */
public record MessageSearch(List<EntryId> folders, boolean recursive, Restriction restriction, List<PropTag> columns,
        int offset, int limit, Duration timeLimit) {

    /** The most folders one search may name (subfolders found by recursion are not counted). */
    public static final int MAX_FOLDERS = SearchCriteria.MAX_FOLDERS;

    public MessageSearch {
        folders = List.copyOf(folders);
        columns = List.copyOf(columns);
        Objects.requireNonNull(restriction, "restriction");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (folders.isEmpty() || folders.size() > MAX_FOLDERS) {
            throw new MapiException.InvalidParameter("a search needs 1.." + MAX_FOLDERS + " folders");
        }
        if (offset < 0 || limit < 0) {
            throw new MapiException.InvalidParameter("offset and limit must not be negative");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new MapiException.InvalidParameter("the time limit must be positive");
        }
    }
}
