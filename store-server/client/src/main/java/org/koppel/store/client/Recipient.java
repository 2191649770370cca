package org.koppel.store.client;

import java.util.List;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;

/**
 * One row of a message's recipient table. {@code rowId} is assigned by the store (ignored on input);
 * {@code properties} holds anything beyond type, name and address (entry ids, search keys, flags).
 */
public record Recipient(int rowId, RecipientType type, String displayName, String email, List<PropValue> properties) {

    public Recipient {
        displayName = displayName == null ? "" : displayName;
        email = email == null ? "" : email;
        properties = List.copyOf(properties);
    }

    public static Recipient of(RecipientType type, String displayName, String email) {
        return new Recipient(0, type, displayName, email, List.of());
    }
}
