package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.FileTime;
import org.koppel.store.client.ContentsSyncOptions;

/** What a contents export includes: normal and/or associated messages, filters, batch size, columns. */
@XmlType(name = "syncOptions")
public final class SyncOptionsXml {
    public boolean normal;
    public boolean associated;
    public boolean readStateOnly;
    public RestrictionXml restriction;
    public Long receivedSince;
    public int batchSize;

    @XmlElement(name = "column")
    public List<Integer> columns;

    public static SyncOptionsXml of(ContentsSyncOptions o) {
        SyncOptionsXml x = new SyncOptionsXml();
        x.normal = o.normal();
        x.associated = o.associated();
        x.readStateOnly = o.readStateOnly();
        x.restriction = o.restriction().map(RestrictionXml::of).orElse(null);
        x.receivedSince = o.receivedSince().map(FileTime::toTicks).orElse(null);
        x.batchSize = o.batchSize();
        x.columns = TableQueryXml.tags(o.columns());
        return x;
    }

    public ContentsSyncOptions options() {
        return new ContentsSyncOptions(normal, associated, readStateOnly,
                restriction == null ? Optional.empty() : Optional.of(restriction.restriction()),
                receivedSince == null ? Optional.empty() : Optional.of(FileTime.fromTicks(receivedSince)), batchSize,
                TableQueryXml.propTags(columns));
    }
}
