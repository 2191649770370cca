package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlType;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedProperty;

/** A named property: its property set and either a numeric id ({@code lid}) or a string name. */
@XmlType(name = "namedProperty")
public final class NamedPropXml {
    public String propertySet;
    public Integer lid;
    public String name;

    public static NamedPropXml of(NamedProperty p) {
        NamedPropXml x = new NamedPropXml();
        switch (p) {
            case NamedProperty.ById id -> {
                x.propertySet = id.propertySet().toString();
                x.lid = id.lid();
            }
            case NamedProperty.ByName n -> {
                x.propertySet = n.propertySet().toString();
                x.name = n.name();
            }
        }
        return x;
    }

    public NamedProperty property() {
        if (propertySet == null || (lid == null) == (name == null)) {
            throw new MapiException.InvalidParameter("a named property needs a set and either an id or a name");
        }
        Guid set = Guid.parse(propertySet);
        return lid != null ? new NamedProperty.ById(set, lid) : new NamedProperty.ByName(set, name);
    }
}
