package org.koppel.store.client.soap;

import org.koppel.mapi.EntryId;
import org.koppel.store.client.ReceiveFolders;

/** {@link ReceiveFolders} over SOAP. */
final class SoapReceiveFolders implements ReceiveFolders {

    private final SoapCall call;

    SoapReceiveFolders(SoapCall call) {
        this.call = call;
    }

    @Override
    public EntryId get(EntryId store, String messageClass) {
        return WireIds.entryId(call.get((p, s) -> p.receiveFolder(s, store.bytes(), messageClass)));
    }

    @Override
    public void set(EntryId store, String messageClass, EntryId folder) {
        call.run((p, s) -> p.setReceiveFolder(s, store.bytes(), messageClass, folder.bytes()));
    }
}
