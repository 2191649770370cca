package org.koppel.store.client;

import java.util.List;
import java.util.Objects;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/**
 * Properties to set and to remove on one message, for {@link Messages#updateAll}.
 *
 * @param message the message
 * @param set     values to set (PR_MESSAGE_FLAGS only for its settable bits, as in {@link Messages#update})
 * @param remove  properties to remove
 */
public record MessageUpdate(EntryId message, List<PropValue> set, List<PropTag> remove) {

    public MessageUpdate {
        Objects.requireNonNull(message, "message");
        set = List.copyOf(set);
        remove = List.copyOf(remove);
    }
}
