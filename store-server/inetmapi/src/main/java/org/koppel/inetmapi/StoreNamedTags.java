package org.koppel.inetmapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.store.client.Session;

/** A store's named-property map through the session API, cached for the life of this object. */
public final class StoreNamedTags implements NamedTagMap {

    private final Session session;
    private final EntryId store;
    private final Map<NamedProperty, Integer> cache = new ConcurrentHashMap<>();

    public StoreNamedTags(Session session, EntryId store) {
        this.session = session;
        this.store = store;
    }

    @Override
    public PropTag resolve(NamedPropTag named) {
        Integer id = cache.get(named.name());
        if (id == null) {
            id = session.namedProperties().ids(store, List.of(named.name()), true).get(0);
            cache.put(named.name(), id);
        }
        return named.tag(id);
    }

    @Override
    public Optional<PropTag> find(NamedPropTag named) {
        Integer id = cache.get(named.name());
        if (id == null) {
            id = session.namedProperties().ids(store, List.of(named.name()), false).get(0);
            if (id == 0) {
                return Optional.empty();
            }
            cache.put(named.name(), id);
        }
        return Optional.of(named.tag(id));
    }
}
