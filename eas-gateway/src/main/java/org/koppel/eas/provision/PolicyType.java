package org.koppel.eas.provision;

import java.util.Optional;

/** The format a client asks its policy in ([MS-ASPROV] 2.2.2.43). */
public enum PolicyType {
    /** The EASProvisionDoc in WBXML: what Koppel answers with. */
    WBXML("MS-EAS-Provisioning-WBXML"),
    /** The XML form of 2.5-era clients; accepted in requests, answered with the WBXML type. */
    WAP_XML("MS-WAP-Provisioning-XML");

    private final String value;

    PolicyType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<PolicyType> of(String value) {
        for (PolicyType t : values()) {
            if (t.value.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
