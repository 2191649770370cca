package org.koppel.gateway.mailbox;

import org.koppel.mapi.EntryId;
import org.koppel.mapi.SourceKey;

/**
 * One message of a mailbox as IMAP identifies it.
 *
 * @param uid          its UID: the change number it entered the folder with
 * @param modSeq       its MODSEQ: the change number of its latest change of any kind
 * @param internalDate when it was delivered (its creation time for messages that never were), in the zone APPEND
 *                     gave it (UTC otherwise)
 * @param mapiSize     PR_MESSAGE_SIZE, the store's estimate; RFC822.SIZE is the MIME size, see MessageText
 */
public record MessageEntry(long uid, long modSeq, EntryId entryId, SourceKey sourceKey, FlagProperties.Raw raw,
        InternalDate internalDate, long mapiSize) {

    public Flags flags() {
        return FlagProperties.flags(raw);
    }
}
