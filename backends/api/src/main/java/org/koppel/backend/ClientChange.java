package org.koppel.backend;

import java.util.Objects;

/** A change a client made to its copy of a folder (Sync request Commands). */
public sealed interface ClientChange {

    /** A new item (a draft in 16.x); {@code clientId} is echoed back with the server's id. */
    record Add(String clientId, Item item) implements ClientChange {
        public Add {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(item, "item");
        }
    }

    /** Changed fields of an item the client has. */
    record Change(String itemId, EmailUpdate update) implements ClientChange {
        public Change {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(update, "update");
        }
    }

    /**
     * The client deleted an item: with {@code toDeletedItems} (Sync DeletesAsMoves, the default) it is moved to
     * Deleted Items (deleted for good when it is already there), otherwise deleted for good.
     */
    record Delete(String itemId, boolean toDeletedItems) implements ClientChange {
        public Delete {
            Objects.requireNonNull(itemId, "itemId");
        }
    }
}
