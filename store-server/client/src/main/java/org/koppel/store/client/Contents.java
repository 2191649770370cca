package org.koppel.store.client;

import org.koppel.mapi.EntryId;

/** Contents tables: a folder's messages with chosen columns, restricted, sorted and paged. */
public interface Contents {

    TableResult query(EntryId folder, TableQuery query);
}
