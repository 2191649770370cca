package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.MapiObjectType;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.ServerChange;
import org.koppel.store.client.ServerExport;
import org.koppel.store.client.ServerSyncState;

/** Changes across every store since a server-wide state (for indexers and backup). */
@XmlType(name = "serverExport")
public final class ServerExportXml {

    @XmlElement(name = "change")
    public List<ServerChangeXml> changes;

    public byte[] state;
    public boolean complete;

    /** One change; {@code objectType} is the MAPI object type code. */
    @XmlType(name = "serverChange")
    public static final class ServerChangeXml {
        /** SAVED, REMOVED, RESYNC_STORE or STORE_REMOVED. */
        public String kind;
        public int objectType;
        public byte[] store;
        public byte[] folder;
        public byte[] sourceKey;
        public byte[] entryId;
        public boolean associated;
        public long modSeq;
        public ChangeKind reason;
    }

    public static ServerExportXml of(ServerExport e) {
        ServerExportXml x = new ServerExportXml();
        x.changes = new ArrayList<>(e.changes().size());
        for (ServerChange c : e.changes()) {
            ServerChangeXml s = new ServerChangeXml();
            s.kind = c.kind().name();
            s.objectType = c.objectType().code();
            s.store = c.store().bytes();
            s.folder = WireIds.bytes(c.folder());
            s.sourceKey = WireIds.key(c.sourceKey());
            s.entryId = WireIds.bytes(c.entryId());
            s.associated = c.associated();
            s.modSeq = c.modSeq();
            s.reason = c.reason().orElse(null);
            x.changes.add(s);
        }
        x.state = e.state().bytes();
        x.complete = e.complete();
        return x;
    }

    public ServerExport export() {
        List<ServerChange> out = new ArrayList<>();
        for (ServerChangeXml s : WireIds.list(changes)) {
            out.add(new ServerChange(ServerChange.Kind.valueOf(s.kind), MapiObjectType.fromCode(s.objectType), WireIds.entryId(s.store),
                    WireIds.optional(s.folder), WireIds.optionalKey(s.sourceKey), WireIds.optional(s.entryId),
                    s.associated, s.modSeq, Optional.ofNullable(s.reason)));
        }
        return new ServerExport(out, new ServerSyncState(state == null ? new byte[0] : state), complete);
    }
}
