package org.koppel.eas.sync;

import java.util.Optional;
import java.util.function.Supplier;
import org.koppel.backend.EasFolderType;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * Where a client's Add or Change lands: the protocol version of the request and the type of the collection's
 * folder, for the class rules that depend on them (email: a client adds mail only as a 16.x draft in Drafts). The
 * type is looked up only when a rule asks, once.
 */
public final class CollectionContext {

    private final ProtocolVersion version;
    private final Supplier<Optional<EasFolderType>> lookup;
    private Optional<EasFolderType> type;

    public CollectionContext(ProtocolVersion version, Supplier<Optional<EasFolderType>> folderType) {
        this.version = version;
        this.lookup = folderType;
    }

    public ProtocolVersion version() {
        return version;
    }

    /** The folder's type; empty when the backend no longer has the folder. */
    public Optional<EasFolderType> folderType() {
        if (type == null) {
            type = lookup.get();
        }
        return type;
    }

    /** A 16.0 or later request on the Drafts folder, where a client may add drafts ([MS-ASCMD] 2.2.3.7.2). */
    public boolean draftsFrom16() {
        return version.compareTo(ProtocolVersion.V16_0) >= 0 && folderType().equals(Optional.of(EasFolderType.DRAFTS));
    }
}
