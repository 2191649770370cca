package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlType;
import java.util.Optional;
import org.koppel.mapi.Guid;
import org.koppel.store.client.StoreKind;
import org.koppel.store.client.StoreSummary;

/** A store in the administrator's list of all stores. */
@XmlType(name = "storeSummary")
public final class StoreSummaryXml {
    public byte[] entryId;
    public String guid;
    public StoreKind kind;
    public String owner;
    public long sizeBytes;
    public boolean orphaned;

    public static StoreSummaryXml of(StoreSummary s) {
        StoreSummaryXml x = new StoreSummaryXml();
        x.entryId = s.entryId().bytes();
        x.guid = s.guid().toString();
        x.kind = s.kind();
        x.owner = s.ownerLogin().orElse(null);
        x.sizeBytes = s.sizeBytes();
        x.orphaned = s.orphaned();
        return x;
    }

    public StoreSummary summary() {
        return new StoreSummary(WireIds.entryId(entryId), Guid.parse(guid), kind, Optional.ofNullable(owner),
                sizeBytes, orphaned);
    }
}
