package org.koppel.store.client;

import java.util.List;
import java.util.Optional;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SortOrderSet;

/**
 * A hierarchy-table query: a folder's subfolders ({@code recursive}: the whole subtree, PR_DEPTH counting
 * from 1), with chosen columns, an optional restriction, a sort (none: tree order, depth first, by name)
 * and a page.
 */
public record HierarchyQuery(
        List<PropTag> columns,
        Optional<Restriction> restriction,
        SortOrderSet sort,
        int offset,
        int limit,
        boolean recursive) {

    public HierarchyQuery {
        columns = List.copyOf(columns);
        if (offset < 0 || limit < 0) {
            throw new org.koppel.mapi.MapiException.InvalidParameter("offset and limit must not be negative");
        }
    }
}
