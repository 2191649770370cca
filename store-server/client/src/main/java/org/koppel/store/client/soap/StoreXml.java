package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.koppel.mapi.Guid;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreKind;
import org.koppel.store.client.WellKnownFolder;

/** An opened store: its identity, owner, size and the entry ids of its well-known folders. */
@XmlType(name = "store")
public final class StoreXml {
    public byte[] entryId;
    public String guid;
    public StoreKind kind;
    public String owner;
    public long sizeBytes;

    @XmlElement(name = "folder")
    public List<WellKnownXml> folders;

    /** One well-known folder. */
    @XmlType(name = "storeFolder")
    public static final class WellKnownXml {
        @XmlAttribute(required = true)
        public WellKnownFolder name;

        public byte[] entryId;
    }

    public static StoreXml of(StoreInfo s) {
        StoreXml x = new StoreXml();
        x.entryId = s.entryId().bytes();
        x.guid = s.guid().toString();
        x.kind = s.kind();
        x.owner = s.ownerLogin();
        x.sizeBytes = s.sizeBytes();
        x.folders = new ArrayList<>();
        s.wellKnownFolders().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            WellKnownXml w = new WellKnownXml();
            w.name = e.getKey();
            w.entryId = e.getValue().bytes();
            x.folders.add(w);
        });
        return x;
    }

    public StoreInfo info() {
        Map<WellKnownFolder, org.koppel.mapi.EntryId> map = new EnumMap<>(WellKnownFolder.class);
        for (WellKnownXml w : WireIds.list(folders)) {
            map.put(w.name, WireIds.entryId(w.entryId));
        }
        return new StoreInfo(WireIds.entryId(entryId), Guid.parse(guid), kind, owner, sizeBytes, map);
    }
}
