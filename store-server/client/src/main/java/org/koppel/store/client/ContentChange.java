package org.koppel.store.client;

import java.util.List;
import java.util.Optional;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.SourceKey;

/**
 * One change an exporter reports for a message.
 *
 * @param kind        what happened
 * @param sourceKey   the message's source key (PR_SOURCE_KEY), the identity clients sync by
 * @param entryId     where to open it now; empty for removals
 * @param associated  whether it is an associated (FAI) message
 * @param read        its read state now (additions, modifications, read-state changes)
 * @param uid         its IMAP UID in this folder (the change number it entered with); 0 for removals
 * @param modSeq      its IMAP MODSEQ (the change number of its last change of any kind)
 * @param properties  the export's columns, with PR_CHANGE_KEY and PR_PREDECESSOR_CHANGE_LIST; empty for
 *                    removals and read-state changes
 * @param otherFolder for {@link ChangeKind#MOVED_OUT}, the folder it went to, when known
 */
public record ContentChange(
        ChangeKind kind,
        SourceKey sourceKey,
        Optional<EntryId> entryId,
        boolean associated,
        boolean read,
        long uid,
        long modSeq,
        List<PropValue> properties,
        Optional<SourceKey> otherFolder) {

    public ContentChange {
        properties = List.copyOf(properties);
    }
}
