package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;

/** One row: the object's entry id and one value per requested column (PT_ERROR where it has none). */
public record TableRow(EntryId entryId, List<PropValue> values) {
    public TableRow {
        values = List.copyOf(values);
    }
}
