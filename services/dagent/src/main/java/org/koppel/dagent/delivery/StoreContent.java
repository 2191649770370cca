package org.koppel.dagent.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentContent;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.NamedProperties;
import org.koppel.store.client.Recipient;

/**
 * A message converted once, with named properties numbered by a {@link LocalNamedTags}, rewritten for one
 * recipient's store: each named property gets that store's id for its name. This is what lets one parse
 * serve every recipient, although each store numbers its names on its own. Attachment data is shared, not
 * copied: the sources are re-readable until the conversion is closed.
 */
final class StoreContent {

    private final Map<Integer, Integer> ids;

    private StoreContent(Map<Integer, Integer> ids) {
        this.ids = ids;
    }

    /** The content with the store's named-property ids (created in the store where new). */
    static MessageContent forStore(MessageContent content, LocalNamedTags local, NamedProperties named,
            EntryId store) {
        Set<Integer> used = new LinkedHashSet<>();
        collect(content, used);
        if (used.isEmpty()) {
            return content;
        }
        List<Integer> localIds = new ArrayList<>(used);
        List<NamedProperty> names = new ArrayList<>(localIds.size());
        for (int id : localIds) {
            names.add(local.name(id).orElseThrow(() -> new MapiException.InvalidParameter(
                    String.format("named property id 0x%X has no name", id))));
        }
        List<Integer> storeIds = named.ids(store, names, true);
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < localIds.size(); i++) {
            map.put(localIds.get(i), storeIds.get(i));
        }
        return new StoreContent(map).message(content);
    }

    private static void collect(MessageContent m, Set<Integer> used) {
        addNamed(m.properties(), used);
        m.recipients().forEach(r -> addNamed(r.properties(), used));
        for (AttachmentContent a : m.attachments()) {
            addNamed(a.properties(), used);
            if (a instanceof AttachmentContent.Embedded e) {
                collect(e.message(), used);
            }
        }
    }

    private static void addNamed(List<PropValue> props, Set<Integer> used) {
        for (PropValue p : props) {
            if (p.tag().isNamed()) {
                used.add(p.tag().id());
            }
        }
    }

    private MessageContent message(MessageContent m) {
        List<Recipient> recipients = new ArrayList<>(m.recipients().size());
        for (Recipient r : m.recipients()) {
            recipients.add(new Recipient(r.rowId(), r.type(), r.displayName(), r.email(), props(r.properties())));
        }
        List<AttachmentContent> attachments = new ArrayList<>(m.attachments().size());
        for (AttachmentContent a : m.attachments()) {
            attachments.add(switch (a) {
                case AttachmentContent.ByValue v -> new AttachmentContent.ByValue(props(v.properties()), v.data());
                case AttachmentContent.Embedded e -> new AttachmentContent.Embedded(props(e.properties()),
                        message(e.message()));
            });
        }
        return new MessageContent(props(m.properties()), recipients, attachments, m.associated());
    }

    private List<PropValue> props(List<PropValue> in) {
        List<PropValue> out = new ArrayList<>(in.size());
        for (PropValue p : in) {
            out.add(p.tag().isNamed() ? PropValue.of(new PropTag(ids.get(p.tag().id()), p.tag().type()), p.javaValue())
                    : p);
        }
        return out;
    }
}
