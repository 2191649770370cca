package org.koppel.eas.wbxml;

import java.util.Optional;

/** The ActiveSync protocol versions of MS-ASHTTP, in order; a tag exists in a set of them. */
public enum ProtocolVersion {
    V2_5("2.5"),
    V12_0("12.0"),
    V12_1("12.1"),
    V14_0("14.0"),
    V14_1("14.1"),
    V16_0("16.0"),
    V16_1("16.1");

    private final String header;

    ProtocolVersion(String header) {
        this.header = header;
    }

    /** The version as written in MS-ASProtocolVersion headers, e.g. {@code 14.1}. */
    public String header() {
        return header;
    }

    /** The version named by a MS-ASProtocolVersion header value, if it is one of ours. */
    public static Optional<ProtocolVersion> fromHeader(String value) {
        for (ProtocolVersion v : values()) {
            if (v.header.equals(value)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return header;
    }
}
