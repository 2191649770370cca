package org.koppel.store.client;

import org.koppel.mapi.EntryId;

/** Which folder receives which message class (the longest matching class prefix wins; "" is the default). */
public interface ReceiveFolders {

    EntryId get(EntryId store, String messageClass);

    void set(EntryId store, String messageClass, EntryId folder);
}
