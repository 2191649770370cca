package org.koppel.backend;

import java.util.Objects;

/** One change a folder export reports to the client (Sync Commands: Add, Change, Delete, SoftDelete). */
public sealed interface ItemChange {

    /** The backend's item id: opaque, at most 64 characters, stable while the item stays in its folder. */
    String itemId();

    /** An item the client does not have. */
    record Added(String itemId, Item item) implements ItemChange {
        public Added {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(item, "item");
        }
    }

    /** An item the client has whose content changed: the whole item again. */
    record Changed(String itemId, Item item) implements ItemChange {
        public Changed {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(item, "item");
        }
    }

    /** Only the read flag changed (a Change carrying just Read). */
    record ReadChanged(String itemId, boolean read) implements ItemChange {
        public ReadChanged {
            Objects.requireNonNull(itemId, "itemId");
        }
    }

    /** Deleted or moved away. */
    record Deleted(String itemId) implements ItemChange {
        public Deleted {
            Objects.requireNonNull(itemId, "itemId");
        }
    }

    /** Still there, but outside the filter window now (SoftDelete). */
    record SoftDeleted(String itemId) implements ItemChange {
        public SoftDeleted {
            Objects.requireNonNull(itemId, "itemId");
        }
    }
}
