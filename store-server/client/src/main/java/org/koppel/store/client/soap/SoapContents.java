package org.koppel.store.client.soap;

import java.util.OptionalInt;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Restriction;
import org.koppel.store.client.Contents;
import org.koppel.store.client.TableBookmark;
import org.koppel.store.client.TableQuery;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.TableSeek;

/** {@link Contents} over SOAP: each query is one round trip. */
final class SoapContents implements Contents {

    private final SoapCall call;

    SoapContents(SoapCall call) {
        this.call = call;
    }

    @Override
    public TableResult query(EntryId folder, TableQuery query) {
        return call.get((p, s) -> p.contentsTable(s, folder.bytes(), TableQueryXml.of(query))).result();
    }

    @Override
    public OptionalInt findRow(EntryId folder, TableQuery query, Restriction find, int start, boolean backward) {
        int at = call.get((p, s) -> p.findRow(s, folder.bytes(), TableQueryXml.of(query), RestrictionXml.of(find),
                start, backward));
        return at < 0 ? OptionalInt.empty() : OptionalInt.of(at);
    }

    @Override
    public TableBookmark bookmark(EntryId folder, TableQuery query, int offset) {
        return new TableBookmark(call.get((p, s) -> p.contentsBookmark(s, folder.bytes(), TableQueryXml.of(query),
                offset)));
    }

    @Override
    public TableSeek seek(EntryId folder, TableQuery query, TableBookmark bookmark) {
        return seek(call.get((p, s) -> p.contentsSeek(s, folder.bytes(), TableQueryXml.of(query), bookmark.bytes())));
    }

    @Override
    public org.koppel.store.client.MessageSearchResult search(org.koppel.store.client.MessageSearch search) {
        return call.get((p, s) -> p.searchMessages(s, MessageSearchXml.of(search))).result();
    }

    /** A seek's position on the wire: the row's position, or -(position) - 1 when the row itself is gone. */
    static TableSeek seek(int position) {
        return position >= 0 ? new TableSeek(position, true) : new TableSeek(-position - 1, false);
    }

    static int position(TableSeek seek) {
        return seek.found() ? seek.offset() : -seek.offset() - 1;
    }
}
