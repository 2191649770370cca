package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.koppel.store.client.MessageSearchResult;
import org.koppel.store.client.TableRow;

/** A {@link MessageSearchResult}: whether the scan finished, the match count and the page's rows. */
@XmlType(name = "messageSearchResult")
public final class MessageSearchResultXml {

    @XmlAttribute
    public boolean complete;

    @XmlAttribute
    public int total;

    @XmlElement(name = "row")
    public List<TableXml.RowXml> rows;

    public static MessageSearchResultXml of(MessageSearchResult r) {
        MessageSearchResultXml x = new MessageSearchResultXml();
        x.complete = r.complete();
        x.total = r.total();
        x.rows = new ArrayList<>(r.rows().size());
        for (TableRow row : r.rows()) {
            x.rows.add(TableXml.RowXml.of(row));
        }
        return x;
    }

    public MessageSearchResult result() {
        List<TableRow> out = new ArrayList<>();
        for (TableXml.RowXml r : WireIds.list(rows)) {
            out.add(r.row());
        }
        return new MessageSearchResult(complete, total, out);
    }
}
