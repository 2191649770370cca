package org.koppel.eas.wbxml;

import java.util.Set;

/**
 * One tag of an ActiveSync code page: page number, token (0x05-0x3F, without the content bit),
 * name, and the protocol versions it exists in.
 */
public record Tag(int page, int token, String name, Set<ProtocolVersion> versions) {

    public Tag {
        if (page < 0 || page > 255) {
            throw new IllegalArgumentException("page out of range: " + page);
        }
        if (token < 0x05 || token > 0x3F) {
            throw new IllegalArgumentException("token out of range: " + token);
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("tag without a name");
        }
        versions = Set.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("tag " + name + " exists in no protocol version");
        }
    }

    public boolean existsIn(ProtocolVersion version) {
        return versions.contains(version);
    }

    @Override
    public String toString() {
        return page + ":" + name + String.format("(0x%02X)", token);
    }
}
