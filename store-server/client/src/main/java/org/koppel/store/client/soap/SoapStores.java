package org.koppel.store.client.soap;

import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreSummary;
import org.koppel.store.client.Stores;

/** {@link Stores} over SOAP. */
final class SoapStores implements Stores {

    private final SoapCall call;

    SoapStores(SoapCall call) {
        this.call = call;
    }

    @Override
    public StoreInfo openOwn() {
        return call.get(MapiSoap::openOwnStore).info();
    }

    @Override
    public StoreInfo openUserStore(String login) {
        return call.get((p, s) -> p.openUserStore(s, login)).info();
    }

    @Override
    public StoreInfo openPublic() {
        return call.get(MapiSoap::openPublicStore).info();
    }

    @Override
    public StoreInfo open(EntryId storeEntryId) {
        return call.get((p, s) -> p.openStore(s, storeEntryId.bytes())).info();
    }

    @Override
    public List<PropValue> properties(EntryId storeEntryId, List<PropTag> tags) {
        return PropXml.values(call.get((p, s) -> p.storeProperties(s, storeEntryId.bytes(), TableQueryXml.tags(tags))));
    }

    @Override
    public List<StoreSummary> list() {
        return WireIds.list(call.get(MapiSoap::listStores)).stream().map(StoreSummaryXml::summary).toList();
    }

    @Override
    public void removeOrphan(EntryId store) {
        call.run((p, s) -> p.removeOrphanStore(s, store.bytes()));
    }
}
