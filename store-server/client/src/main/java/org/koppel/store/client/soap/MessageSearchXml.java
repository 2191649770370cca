package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Duration;
import java.util.List;
import org.koppel.store.client.MessageSearch;

/** A {@link MessageSearch}: the folders, recursion, the restriction, the columns, the page and the time limit. */
@XmlType(name = "messageSearch")
public final class MessageSearchXml {

    @XmlElement(name = "folder")
    public List<byte[]> folders;

    public RestrictionXml restriction;

    @XmlElement(name = "column")
    public List<Integer> columns;

    @XmlAttribute
    public boolean recursive;

    @XmlAttribute
    public int offset;

    @XmlAttribute
    public int limit;

    @XmlAttribute
    public long timeLimitMillis;

    public static MessageSearchXml of(MessageSearch s) {
        MessageSearchXml x = new MessageSearchXml();
        x.folders = WireIds.all(s.folders());
        x.restriction = RestrictionXml.of(s.restriction());
        x.columns = TableQueryXml.tags(s.columns());
        x.recursive = s.recursive();
        x.offset = s.offset();
        x.limit = s.limit();
        x.timeLimitMillis = Math.max(1, s.timeLimit().toMillis());
        return x;
    }

    public MessageSearch search() {
        if (restriction == null) {
            throw new org.koppel.mapi.MapiException.InvalidParameter("a search without a restriction");
        }
        return new MessageSearch(WireIds.entryIds(folders), recursive, restriction.restriction(),
                TableQueryXml.propTags(columns), offset, limit, Duration.ofMillis(timeLimitMillis));
    }
}
