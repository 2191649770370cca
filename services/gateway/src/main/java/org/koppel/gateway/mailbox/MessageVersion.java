package org.koppel.gateway.mailbox;

import java.util.Arrays;
import org.koppel.mapi.EntryId;

/**
 * A message as it is at one MODSEQ: the key of everything the gateway keeps about a message's content (its text,
 * its parsed structure), so that any change to the message is a new key and never a stale answer.
 */
public record MessageVersion(byte[] entryId, long modSeq) {

    public static MessageVersion of(EntryId message, long modSeq) {
        return new MessageVersion(message.bytes(), modSeq);
    }

    public static MessageVersion of(MessageEntry message) {
        return of(message.entryId(), message.modSeq());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageVersion v && v.modSeq == modSeq && Arrays.equals(v.entryId, entryId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(entryId) * 31 + Long.hashCode(modSeq);
    }

    @Override
    public String toString() {
        return "MessageVersion[" + java.util.HexFormat.of().formatHex(entryId) + "@" + modSeq + "]";
    }
}
