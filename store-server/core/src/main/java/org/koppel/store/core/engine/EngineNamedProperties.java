package org.koppel.store.core.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MapiObjectType;
import org.koppel.mapi.NamedProperty;
import org.koppel.store.client.NamedProperties;

/** Named-property mapping for a session; any session that can open a store may map names in it. */
final class EngineNamedProperties implements NamedProperties {

    private final Scope scope;

    EngineNamedProperties(Scope scope) {
        this.scope = scope;
    }

    @Override
    public List<Integer> ids(EntryId store, List<NamedProperty> names, boolean create) {
        requireStore(store);
        CommittedNames committed = scope.ctx.committedNames();
        List<Integer> known = new ArrayList<>(names.size());
        for (NamedProperty n : names) {
            Integer id = committed.id(store.objectId(), n);
            if (id == null) {
                break;
            }
            known.add(id);
        }
        if (known.size() == names.size()) {
            scope.check();
            return known; // every name was mapped before: nothing is allocated, so nothing to check or lock
        }
        List<Integer> out = scope.tx(c -> {
            StoreRow s = storeRow(c, store);
            long storeId = s.id();
            // Mapping new names uses up the store's finite id space: only those who may write there may.
            if (create && !scope.ctx.access().mayWriteSomewhere(c, scope.caller, s)) {
                throw new MapiException.NoAccess("you may not add named properties to this store");
            }
            List<Integer> ids = new ArrayList<>(names.size());
            for (NamedProperty n : names) {
                ids.add(scope.ctx.names().id(c, storeId, n, create));
            }
            return ids;
        });
        for (int i = 0; i < names.size(); i++) {
            if (out.get(i) != 0) {
                committed.add(store.objectId(), names.get(i), out.get(i)); // the transaction has committed
            }
        }
        return out;
    }

    @Override
    public List<Optional<NamedProperty>> names(EntryId store, List<Integer> ids) {
        requireStore(store);
        CommittedNames committed = scope.ctx.committedNames();
        List<Optional<NamedProperty>> out = scope.tx(c -> {
            long storeId = storeRow(c, store).id();
            List<Optional<NamedProperty>> found = new ArrayList<>(ids.size());
            for (int id : ids) {
                Optional<NamedProperty> kept = committed.name(storeId, id);
                found.add(kept.isPresent() ? kept : scope.ctx.names().name(c, storeId, id));
            }
            return found;
        });
        for (int i = 0; i < ids.size(); i++) {
            int id = ids.get(i);
            out.get(i).ifPresent(n -> committed.add(store.objectId(), n, id));
        }
        return out;
    }

    private static void requireStore(EntryId store) {
        if (store.objectType() != MapiObjectType.MAPI_STORE) {
            throw new MapiException.InvalidEntryId("not a store entry id");
        }
    }

    private StoreRow storeRow(Connection c, EntryId store) throws SQLException {
        if (store.objectType() != MapiObjectType.MAPI_STORE) {
            throw new MapiException.InvalidEntryId("not a store entry id");
        }
        return scope.ctx.objects().storeByGuid(c, store.storeGuid())
                .filter(s -> s.id() == store.objectId())
                .orElseThrow(() -> new MapiException.NotFound("store does not exist"));
    }
}
