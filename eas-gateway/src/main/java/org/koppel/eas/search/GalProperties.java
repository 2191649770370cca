package org.koppel.eas.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.koppel.backend.GlobalAddressList;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.wbxml.ProtocolVersion;

/**
 * The gal: elements of a GAL result ([MS-ASCMD] 2.2.3.139.3 under Search, 2.2.3.139.1 under Find), by local
 * name in the specification's order, and a picture status (14.1+) when pictures were asked for.
 */
public record GalProperties(Map<String, String> values, Optional<PictureStatus> picture) {

    /** The gal: leaves in the order the Properties element lists them. */
    public static final String[] ORDER = {"DisplayName", "Phone", "Office", "Title", "Company", "Alias", "FirstName",
        "LastName", "HomePhone", "MobilePhone", "EmailAddress"};

    public GalProperties {
        values = Map.copyOf(values);
    }

    public static GalProperties of(GlobalAddressList.Entry e, Optional<PictureStatus> picture) {
        String[] v = {e.displayName(), e.phone(), e.office(), e.title(), e.company(), e.alias(), e.firstName(),
            e.lastName(), e.homePhone(), e.mobilePhone(), e.email()};
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < ORDER.length; i++) {
            if (!v[i].isEmpty()) {
                values.put(ORDER[i], v[i]);
            }
        }
        return new GalProperties(values, picture);
    }

    public Optional<String> get(String localName) {
        return Optional.ofNullable(values.get(localName));
    }

    /** Writes the leaves (and the picture, 14.1+) into the Properties element already started. */
    public void write(ElementWriter out) throws IOException {
        for (String name : ORDER) {
            String v = values.get(name);
            if (v != null) {
                out.element("Gal:" + name, v);
            }
        }
        if (picture.isPresent() && out.atLeast(ProtocolVersion.V14_1)) {
            out.start("Gal:Picture").status("Gal:Status", picture.get()).end();
        }
    }
}
