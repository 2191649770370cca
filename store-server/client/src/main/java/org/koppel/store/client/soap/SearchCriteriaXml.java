package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import org.koppel.store.client.SearchCriteria;
import org.koppel.store.client.SearchState;

/** A search folder's criteria: the restriction, the folders searched, recursion; when read, whether it runs. */
@XmlType(name = "searchCriteria")
public final class SearchCriteriaXml {
    public RestrictionXml restriction;

    @XmlElement(name = "folder")
    public List<byte[]> folders;

    public boolean recursive;
    public boolean running;

    public static SearchCriteriaXml of(SearchCriteria c) {
        SearchCriteriaXml x = new SearchCriteriaXml();
        x.restriction = RestrictionXml.of(c.restriction());
        x.folders = WireIds.all(c.folders());
        x.recursive = c.recursive();
        return x;
    }

    public static SearchCriteriaXml of(SearchState s) {
        SearchCriteriaXml x = of(s.criteria());
        x.running = s.running();
        return x;
    }

    public SearchCriteria criteria() {
        if (restriction == null) {
            throw new org.koppel.mapi.MapiException.InvalidParameter("search criteria without a restriction");
        }
        return new SearchCriteria(restriction.restriction(), WireIds.entryIds(folders), recursive);
    }

    public SearchState state() {
        return new SearchState(criteria(), running);
    }
}
