package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.FolderType;
import org.koppel.store.client.FolderInfo;

/** A folder's summary (times as FILETIME ticks). */
@XmlType(name = "folder")
public final class FolderXml {
    public byte[] entryId;
    public byte[] parent;
    public String name;
    public String containerClass;
    public int type;
    public int contentCount;
    public int unreadCount;
    public int associatedCount;
    public int deletedCount;
    public int childCount;
    public long sizeBytes;
    public byte[] sourceKey;
    public long changeNumber;
    public long created;
    public long modified;
    public int depth;
    public int rights;

    public static FolderXml of(FolderInfo f) {
        FolderXml x = new FolderXml();
        x.entryId = f.entryId().bytes();
        x.parent = WireIds.bytes(f.parent());
        x.name = f.name();
        x.containerClass = f.containerClass();
        x.type = f.type().code();
        x.contentCount = f.contentCount();
        x.unreadCount = f.unreadCount();
        x.associatedCount = f.associatedCount();
        x.deletedCount = f.deletedCount();
        x.childCount = f.childCount();
        x.sizeBytes = f.sizeBytes();
        x.sourceKey = f.sourceKey().bytes();
        x.changeNumber = f.changeNumber();
        x.created = FileTime.toTicks(f.created());
        x.modified = FileTime.toTicks(f.modified());
        x.depth = f.depth();
        x.rights = f.rights();
        return x;
    }

    public FolderInfo info() {
        Instant c = FileTime.fromTicks(created);
        Instant m = FileTime.fromTicks(modified);
        return new FolderInfo(WireIds.entryId(entryId), WireIds.optional(parent), name, containerClass,
                FolderType.fromCode(type), contentCount, unreadCount, associatedCount, deletedCount, childCount,
                sizeBytes, WireIds.sourceKey(sourceKey), changeNumber, c, m, depth, rights);
    }
}
