package org.koppel.store.client;

import java.util.Optional;
import org.koppel.mapi.EntryId;

/**
 * A change to one row of a subscribed contents table (MAPI TABLE_ROW_ADDED, _MODIFIED, _DELETED), or
 * {@link Kind#RELOAD} when the table changed too much to say row by row (a folder emptied, a search
 * folder rebuilt, a listener that fell behind): read it again.
 *
 * @param row    the message the row stands for; empty for RELOAD
 * @param values the row's columns now, for ROW_ADDED and ROW_MODIFIED
 */
public record TableEvent(Kind kind, Optional<EntryId> row, Optional<TableRow> values) {

    public enum Kind { ROW_ADDED, ROW_MODIFIED, ROW_DELETED, RELOAD }
}
