package org.koppel.store.client;

import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PredecessorChangeList;
import org.koppel.mapi.SourceKey;

/** A change a client made to its copy of a folder, for the store to apply. */
public sealed interface ContentImport {

    /**
     * A new message (no source key, or one the store does not know) or a changed one. Properties given are
     * set and the others kept; recipients and attachments, when given, replace the old ones.
     *
     * <p>The predecessor change list says which versions the client's version descends from (MAPI PCL
     * rules): the change applies cleanly when it includes the server's current change key. A client with a
     * replica of its own adds its own change key to the list; then a change the server's history already
     * includes is ignored (a repeat). Anything else is a conflict, settled by the {@link ConflictPolicy}.
     * A client without a replica of its own (a gateway) sends the list of the version it last saw.
     */
    record Save(Optional<SourceKey> sourceKey, MessageContent content, PredecessorChangeList predecessors)
            implements ContentImport {
    }

    /** The client deleted the message. */
    record Delete(SourceKey sourceKey, boolean hard) implements ContentImport {
    }

    /** The client marked the message read or unread. */
    record ReadState(SourceKey sourceKey, boolean read) implements ContentImport {
    }

    /** The client moved the message into another folder of the same store. */
    record Move(SourceKey sourceKey, EntryId destination) implements ContentImport {
    }
}
