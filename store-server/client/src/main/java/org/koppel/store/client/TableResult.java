package org.koppel.store.client;

import java.util.List;

/** A page of rows and the table's total row count. */
public record TableResult(int totalRows, List<TableRow> rows) {
    public TableResult {
        rows = List.copyOf(rows);
    }
}
