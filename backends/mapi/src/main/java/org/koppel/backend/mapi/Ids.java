package org.koppel.backend.mapi;

import java.util.HexFormat;
import org.koppel.backend.BackendException;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.SourceKey;

/**
 * The text forms of the store's identities. Folder and item ids are source keys (44 hex characters, inside
 * EAS's 64): removals are reported by source key alone, so only a source key can name what the client has.
 * File references name the message by entry id and the attachment by number.
 */
final class Ids {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Ids() {
    }

    static String of(SourceKey key) {
        return HEX.formatHex(key.bytes());
    }

    static SourceKey sourceKey(String id) {
        try {
            return SourceKey.parse(HEX.parseHex(id));
        } catch (IllegalArgumentException | MapiException e) {
            throw new BackendException.NotFound("no such id " + id, e);
        }
    }

    static String fileReference(EntryId message, int attachNum) {
        return HEX.formatHex(message.bytes()) + ":" + attachNum;
    }

    record FileReference(EntryId message, int attachNum) {
    }

    static FileReference parseFileReference(String ref) {
        int colon = ref.indexOf(':');
        try {
            return new FileReference(EntryId.parse(HEX.parseHex(ref.substring(0, colon))),
                    Integer.parseInt(ref.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new BackendException.NotFound("no such attachment " + ref, e);
        }
    }
}
