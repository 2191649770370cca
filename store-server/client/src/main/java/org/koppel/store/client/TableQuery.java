package org.koppel.store.client;

import java.util.List;
import java.util.Optional;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrderSet;

/** A contents-table query: columns, an optional restriction, a sort, and a page of rows. */
public record TableQuery(
        List<PropTag> columns,
        Optional<Restriction> restriction,
        SortOrderSet sort,
        int offset,
        int limit,
        boolean associated) {

    public TableQuery {
        columns = List.copyOf(columns);
        if (offset < 0 || limit < 0) {
            throw new org.koppel.mapi.MapiException.InvalidParameter("offset and limit must not be negative");
        }
    }
}
