package org.koppel.store.client;

import java.util.List;

/**
 * What {@link Contents#search} found: {@code total} matching messages and the requested page of them as rows
 * (entry id and columns), newest first. When the time limit ended the scan first, {@code complete} is false,
 * {@code total} counts the matches found until then and there are no rows: an unfinished scan cannot tell
 * which messages are the newest.
 */
public record MessageSearchResult(boolean complete, int total, List<TableRow> rows) {
    public MessageSearchResult {
        rows = List.copyOf(rows);
    }
}
