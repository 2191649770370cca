package org.koppel.store.client.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.NamedProperty;
import org.koppel.store.client.NamedProperties;

/** {@link NamedProperties} over SOAP: a whole list of names or ids per call. */
final class SoapNamedProperties implements NamedProperties {

    private final SoapCall call;

    SoapNamedProperties(SoapCall call) {
        this.call = call;
    }

    @Override
    public List<Integer> ids(EntryId store, List<NamedProperty> names, boolean create) {
        List<NamedPropXml> xs = new ArrayList<>(names.size());
        for (NamedProperty n : names) {
            xs.add(NamedPropXml.of(n));
        }
        return List.copyOf(WireIds.list(call.get((p, s) -> p.namedPropertyIds(s, store.bytes(), xs, create))));
    }

    @Override
    public List<Optional<NamedProperty>> names(EntryId store, List<Integer> ids) {
        List<Optional<NamedProperty>> out = new ArrayList<>(ids.size());
        for (NamedPropXml x : WireIds.list(call.get((p, s) -> p.namedPropertyNames(s, store.bytes(), ids)))) {
            out.add(x.propertySet == null ? Optional.empty() : Optional.of(x.property()));
        }
        return out;
    }
}
