package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.store.client.ChangeKind;
import org.koppel.store.client.FolderChange;
import org.koppel.store.client.HierarchyExport;
import org.koppel.store.client.SyncState;

/** Folder changes below a root since a sync state, and the state after them. */
@XmlType(name = "hierarchyExport")
public final class HierarchyExportXml {

    @XmlElement(name = "change")
    public List<FolderChangeXml> changes;

    public byte[] state;

    /** One created, changed, moved or deleted folder. */
    @XmlType(name = "folderChange")
    public static final class FolderChangeXml {
        public ChangeKind kind;
        public byte[] sourceKey;
        public byte[] parentSourceKey;
        public FolderXml folder;
    }

    public static HierarchyExportXml of(HierarchyExport e) {
        HierarchyExportXml x = new HierarchyExportXml();
        x.changes = new ArrayList<>(e.changes().size());
        for (FolderChange c : e.changes()) {
            FolderChangeXml f = new FolderChangeXml();
            f.kind = c.kind();
            f.sourceKey = c.sourceKey().bytes();
            f.parentSourceKey = WireIds.key(c.parentSourceKey());
            f.folder = c.folder().map(FolderXml::of).orElse(null);
            x.changes.add(f);
        }
        x.state = e.state().bytes();
        return x;
    }

    public HierarchyExport export() {
        List<FolderChange> out = new ArrayList<>();
        for (FolderChangeXml f : WireIds.list(changes)) {
            out.add(new FolderChange(f.kind, WireIds.sourceKey(f.sourceKey), WireIds.optionalKey(f.parentSourceKey),
                    f.folder == null ? Optional.empty() : Optional.of(f.folder.info())));
        }
        return new HierarchyExport(out, new SyncState(state == null ? new byte[0] : state));
    }
}
