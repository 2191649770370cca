package org.koppel.store.client;

import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropType;

/** The per-store mapping of named properties to property ids (GetIDsFromNames / GetNamesFromIDs). */
public interface NamedProperties {

    /**
     * The ids of the names in this store, in order; with {@code create}, unknown names get new ids,
     * otherwise an unknown name gives 0. Running out of ids is MAPI_E_NAMED_PROP_QUOTA_EXCEEDED.
     */
    List<Integer> ids(EntryId store, List<NamedProperty> names, boolean create);

    /** The names of the ids, in order; empty for an id that is not mapped. */
    List<Optional<NamedProperty>> names(EntryId store, List<Integer> ids);

    /** The tag of a named property with the given type, created if needed. */
    default PropTag tag(EntryId store, NamedProperty name, PropType type) {
        return new PropTag(ids(store, List.of(name), true).get(0), type);
    }
}
