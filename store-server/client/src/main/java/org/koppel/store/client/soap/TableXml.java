package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.TableRow;

/** Rows of a table and how many rows the whole (restricted) table has. */
@XmlType(name = "table")
public final class TableXml {

    @XmlAttribute
    public int total;

    @XmlElement(name = "row")
    public List<RowXml> rows;

    /** One row: the object's entry id and the requested columns. */
    @XmlType(name = "row")
    public static final class RowXml {
        public byte[] entryId;

        @XmlElement(name = "prop")
        public List<PropXml> props;

        public static RowXml of(TableRow row) {
            RowXml x = new RowXml();
            x.entryId = row.entryId().bytes();
            x.props = PropXml.of(row.values());
            return x;
        }

        public TableRow row() {
            return new TableRow(WireIds.entryId(entryId), PropXml.values(props));
        }
    }

    public static TableXml of(TableResult r) {
        TableXml x = new TableXml();
        x.total = r.totalRows();
        x.rows = new ArrayList<>(r.rows().size());
        for (TableRow row : r.rows()) {
            x.rows.add(RowXml.of(row));
        }
        return x;
    }

    public TableResult result() {
        List<TableRow> out = new ArrayList<>();
        for (RowXml r : WireIds.list(rows)) {
            out.add(r.row());
        }
        return new TableResult(total, out);
    }
}
