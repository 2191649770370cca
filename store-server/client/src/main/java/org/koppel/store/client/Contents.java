package org.koppel.store.client;

import java.util.OptionalInt;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Restriction;

/**
 * Contents tables: a folder's messages with chosen columns, restricted, sorted and paged. A table is the
 * query itself (columns, restriction, sort, associated or not); the store keeps no cursor, so a client
 * pages forward or backward by offset and finds its place again with bookmarks.
 */
public interface Contents {

    /** The rows from {@code query.offset()}, at most {@code query.limit()}, and the table's row count. */
    TableResult query(EntryId folder, TableQuery query);

    /**
     * The offset of the first row from {@code start} on (from {@code start} back, if {@code backward}) that
     * matches {@code find}, in the table {@code query} defines (its offset and limit are ignored).
     */
    OptionalInt findRow(EntryId folder, TableQuery query, Restriction find, int start, boolean backward);

    /** A bookmark on the row at {@code offset} of the table. */
    TableBookmark bookmark(EntryId folder, TableQuery query, int offset);

    /** Where the bookmarked row is in the table now. */
    TableSeek seek(EntryId folder, TableQuery query, TableBookmark bookmark);

    /**
     * Searches several folders (and with {@code recursive} their subfolders) at once, in the store, within a
     * time limit: the matching messages newest first, the requested page of them, and how many there are.
     * Each named folder needs read access (MAPI_E_NO_ACCESS otherwise); subfolders the caller may not read and
     * search folders are skipped. The messages are read in chunks, each in its own transaction, so a long
     * search holds no lock; see {@link MessageSearch}.
     */
    MessageSearchResult search(MessageSearch search);
}
