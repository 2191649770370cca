package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.PR_DISPLAY_NAME;
import static org.koppel.mapi.PropTags.PR_EMAIL_ADDRESS;
import static org.koppel.mapi.PropTags.PR_RECIPIENT_TYPE;
import static org.koppel.mapi.PropTags.PR_SMTP_ADDRESS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySource;
import org.koppel.mapi.SubObject;
import org.koppel.store.client.Recipient;

/** A message as restrictions and sorts see it, with its recipients as sub-objects. */
record MessageSource(List<PropValue> props, List<Recipient> recipients) implements PropertySource {
    @Override
    public Optional<PropValue> get(PropTag tag) {
        PropValue v = MessageView.pick(props, tag);
        return v instanceof PropValue.ErrorValue ? Optional.empty() : Optional.of(v);
    }

    @Override
    public List<? extends PropertySource> subObjects(SubObject kind) {
        if (kind != SubObject.RECIPIENTS) {
            return List.of();
        }
        List<PropertySource> out = new ArrayList<>();
        for (Recipient r : recipients) {
            List<PropValue> p = new ArrayList<>(r.properties());
            p.add(PropValue.of(PR_RECIPIENT_TYPE, r.type().code()));
            p.add(PropValue.of(PR_DISPLAY_NAME, r.displayName()));
            p.add(PropValue.of(PR_EMAIL_ADDRESS, r.email()));
            p.add(PropValue.of(PR_SMTP_ADDRESS, r.email()));
            out.add(new MessageSource(p, List.of()));
        }
        return out;
    }
}
