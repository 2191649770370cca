package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.SortOrder;
import org.koppel.mapi.SortOrderSet;
import org.koppel.store.client.HierarchyQuery;
import org.koppel.store.client.TableQuery;

/**
 * A table's view in one element, so opening, setting columns, restricting, sorting and reading rows is
 * one call: the columns (packed tags), an optional restriction, the sort keys, the window
 * (offset, limit), and for contents tables the associated flag, for hierarchy tables the recursive one.
 */
@XmlType(name = "tableQuery")
public final class TableQueryXml {

    @XmlElement(name = "column")
    public List<Integer> columns;

    public RestrictionXml restriction;

    @XmlElement(name = "sort")
    public List<SortXml> sort;

    @XmlAttribute
    public int offset;

    @XmlAttribute
    public int limit;

    @XmlAttribute
    public boolean associated;

    @XmlAttribute
    public boolean recursive;

    /** One sort key: a tag and its direction (the MAPI TABLE_SORT_* code). */
    @XmlType(name = "sortKey")
    public static final class SortXml {
        @XmlAttribute(required = true)
        public int tag;

        @XmlAttribute
        public int order;
    }

    public static TableQueryXml of(TableQuery q) {
        TableQueryXml x = view(q.columns(), q.restriction(), q.sort(), q.offset(), q.limit());
        x.associated = q.associated();
        return x;
    }

    public static TableQueryXml of(HierarchyQuery q) {
        TableQueryXml x = view(q.columns(), q.restriction(), q.sort(), q.offset(), q.limit());
        x.recursive = q.recursive();
        return x;
    }

    private static TableQueryXml view(List<PropTag> columns, Optional<org.koppel.mapi.Restriction> restriction,
            SortOrderSet sort, int offset, int limit) {
        TableQueryXml x = new TableQueryXml();
        x.columns = tags(columns);
        x.restriction = restriction.map(RestrictionXml::of).orElse(null);
        x.sort = new ArrayList<>();
        for (SortOrder key : sort.keys()) {
            SortXml s = new SortXml();
            s.tag = key.tag().value();
            s.order = key.direction().code();
            x.sort.add(s);
        }
        x.offset = offset;
        x.limit = limit;
        return x;
    }

    public TableQuery tableQuery() {
        return new TableQuery(columnTags(), restriction(), sortOrder(), offset, limit, associated);
    }

    public HierarchyQuery hierarchyQuery() {
        return new HierarchyQuery(columnTags(), restriction(), sortOrder(), offset, limit, recursive);
    }

    private Optional<org.koppel.mapi.Restriction> restriction() {
        return restriction == null ? Optional.empty() : Optional.of(restriction.restriction());
    }

    private List<PropTag> columnTags() {
        return propTags(columns);
    }

    private SortOrderSet sortOrder() {
        List<SortOrder> keys = new ArrayList<>();
        for (SortXml s : WireIds.list(sort)) {
            keys.add(new SortOrder(RestrictionXml.tag(s.tag), SortOrder.Direction.fromCode(s.order)));
        }
        return new SortOrderSet(keys);
    }

    public static List<Integer> tags(List<PropTag> tags) {
        List<Integer> out = new ArrayList<>(tags.size());
        for (PropTag t : tags) {
            out.add(t.value());
        }
        return out;
    }

    public static List<PropTag> propTags(List<Integer> packed) {
        if (packed == null) {
            return List.of();
        }
        List<PropTag> out = new ArrayList<>(packed.size());
        for (Integer p : packed) {
            out.add(RestrictionXml.tag(p));
        }
        return out;
    }
}
