package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.ContentChange;
import org.koppel.store.client.ContentsExport;
import org.koppel.store.client.SyncState;

/** A batch of content changes since a sync state, the state after them, and whether more remain. */
@XmlType(name = "contentsExport")
public final class ContentsExportXml {

    @XmlElement(name = "change")
    public List<ChangeXml> changes;

    public byte[] state;
    public boolean complete;

    /** One changed, deleted, moved or read-state-changed message. */
    @XmlType(name = "contentChange")
    public static final class ChangeXml {
        public ChangeKind kind;
        public byte[] sourceKey;
        public byte[] entryId;
        public boolean associated;
        public boolean read;
        public long uid;
        public long modSeq;

        @XmlElement(name = "prop")
        public List<PropXml> props;

        public byte[] otherFolder;

        static ChangeXml of(ContentChange c) {
            ChangeXml x = new ChangeXml();
            x.kind = c.kind();
            x.sourceKey = c.sourceKey().bytes();
            x.entryId = WireIds.bytes(c.entryId());
            x.associated = c.associated();
            x.read = c.read();
            x.uid = c.uid();
            x.modSeq = c.modSeq();
            x.props = PropXml.of(c.properties());
            x.otherFolder = WireIds.key(c.otherFolder());
            return x;
        }

        ContentChange change() {
            return new ContentChange(kind, WireIds.sourceKey(sourceKey), WireIds.optional(entryId), associated, read,
                    uid, modSeq, PropXml.values(props), WireIds.optionalKey(otherFolder));
        }
    }

    public static ContentsExportXml of(ContentsExport e) {
        ContentsExportXml x = new ContentsExportXml();
        x.changes = new ArrayList<>(e.changes().size());
        for (ContentChange c : e.changes()) {
            x.changes.add(ChangeXml.of(c));
        }
        x.state = e.state().bytes();
        x.complete = e.complete();
        return x;
    }

    public ContentsExport export() {
        List<ContentChange> out = new ArrayList<>();
        for (ChangeXml c : WireIds.list(changes)) {
            out.add(c.change());
        }
        return new ContentsExport(out, new SyncState(state == null ? new byte[0] : state), complete);
    }
}
