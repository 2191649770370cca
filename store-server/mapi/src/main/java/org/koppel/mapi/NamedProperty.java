package org.koppel.mapi;

import java.util.Objects;

/**
 * A named property: a property set GUID plus either a numeric id (MNID_ID) or a string name (MNID_STRING).
 * Each store maps the named properties it has seen to tags in the 0x8000-0xFFFE range.
 */
public sealed interface NamedProperty {

    Guid propertySet();

    /** MNID_ID: a numeric long id (LID) within the set. */
    record ById(Guid propertySet, int lid) implements NamedProperty {
        public ById {
            Objects.requireNonNull(propertySet, "propertySet");
        }

        @Override
        public String toString() {
            return propertySet + ":0x" + Integer.toHexString(lid);
        }
    }

    /** MNID_STRING: a name within the set; names compare case-sensitively, as in MAPI. */
    record ByName(Guid propertySet, String name) implements NamedProperty {
        /** Names longer than this are refused, so a client cannot bloat the name map. */
        public static final int MAX_NAME_LENGTH = 255;

        public ByName {
            Objects.requireNonNull(propertySet, "propertySet");
            if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                throw new MapiException.InvalidParameter("a named property name must have 1 to "
                        + MAX_NAME_LENGTH + " characters");
            }
        }

        @Override
        public String toString() {
            return propertySet + ":" + name;
        }
    }

    static NamedProperty id(Guid set, int lid) {
        return new ById(set, lid);
    }

    static NamedProperty name(Guid set, String name) {
        return new ByName(set, name);
    }
}
