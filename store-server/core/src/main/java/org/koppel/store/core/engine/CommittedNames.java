package org.koppel.store.core.engine;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.koppel.mapi.NamedProperty;

/**
 * Named-property mappings known to be committed. A mapping never changes and its id is never given to another
 * name in that store, so what is kept here stays true for the store's life; a delivery that maps the same
 * twenty names into a store it has seen before needs no query for them (it needed two round trips and a
 * transaction before). Only mappings read or made by a transaction that has committed are added, so a
 * rolled-back allocation never lingers. Store ids are never reused, so a deleted store's entries are merely
 * unused until the bound clears them.
 */
final class CommittedNames {

    /** Past this many mappings the cache starts over, so thousands of stores' names do not grow it unbounded. */
    static final int MAX_ENTRIES = 200_000;

    private record NameKey(long storeId, NamedProperty name) {
    }

    private record IdKey(long storeId, int id) {
    }

    private final ConcurrentHashMap<NameKey, Integer> ids = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<IdKey, NamedProperty> names = new ConcurrentHashMap<>();

    /** The id of a name in a store, if kept. */
    Integer id(long storeId, NamedProperty name) {
        return ids.get(new NameKey(storeId, name));
    }

    /** The name behind an id in a store, if kept. */
    Optional<NamedProperty> name(long storeId, int id) {
        return Optional.ofNullable(names.get(new IdKey(storeId, id)));
    }

    /** Whether the id is known to be mapped in the store. */
    boolean mapped(long storeId, int id) {
        return names.containsKey(new IdKey(storeId, id));
    }

    /** Keeps a mapping; call only after the transaction that read or made it has committed. */
    void add(long storeId, NamedProperty name, int id) {
        if (ids.size() >= MAX_ENTRIES) {
            ids.clear();
            names.clear();
        }
        ids.put(new NameKey(storeId, name), id);
        names.put(new IdKey(storeId, id), name);
    }
}
