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
        return scope.tx(c -> {
            StoreRow s = storeRow(c, store);
            long storeId = s.id();
            // Mapping new names uses up the store's finite id space: only those who may write there may.
            if (create && !scope.ctx.access().mayWriteSomewhere(c, scope.caller, s)) {
                throw new MapiException.NoAccess("you may not add named properties to this store");
            }
            List<Integer> out = new ArrayList<>(names.size());
            for (NamedProperty n : names) {
                out.add(scope.ctx.names().id(c, storeId, n, create));
            }
            return out;
        });
    }

    @Override
    public List<Optional<NamedProperty>> names(EntryId store, List<Integer> ids) {
        return scope.tx(c -> {
            long storeId = storeRow(c, store).id();
            List<Optional<NamedProperty>> out = new ArrayList<>(ids.size());
            for (int id : ids) {
                out.add(scope.ctx.names().name(c, storeId, id));
            }
            return out;
        });
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
