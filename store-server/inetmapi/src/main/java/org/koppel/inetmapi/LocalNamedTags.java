package org.koppel.inetmapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;

/**
 * A named-property map held in memory, numbering names from 0x8000 in the order they are first seen: for
 * conversions that do not (yet) go into a store, such as tests, tools and round trips. Not thread-safe.
 */
public final class LocalNamedTags implements NamedTagMap {

    private final Map<NamedProperty, Integer> ids = new LinkedHashMap<>();

    @Override
    public PropTag resolve(NamedPropTag named) {
        Integer id = ids.get(named.name());
        if (id == null) {
            id = PropTag.NAMED_ID_MIN + ids.size();
            if (id > PropTag.NAMED_ID_MAX) {
                throw new MapiException.NamedPropQuotaExceeded("no named property ids left");
            }
            ids.put(named.name(), id);
        }
        return named.tag(id);
    }

    @Override
    public Optional<PropTag> find(NamedPropTag named) {
        return Optional.ofNullable(ids.get(named.name())).map(named::tag);
    }

    /** The name behind an id, if this map gave it out. */
    public Optional<NamedProperty> name(int id) {
        return ids.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst();
    }
}
