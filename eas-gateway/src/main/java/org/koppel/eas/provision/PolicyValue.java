package org.koppel.eas.provision;

import java.util.List;

/** The value of one {@link PolicySetting}. */
public sealed interface PolicyValue {

    /** A FLAG setting. */
    record Flag(boolean value) implements PolicyValue {
    }

    /** A NUMBER setting's value. */
    record Number(long value) implements PolicyValue {
    }

    /** A NUMBER setting written as an empty element: no limit. */
    record NoLimit() implements PolicyValue {
    }

    /** An application list: names (UnapprovedInROMApplicationList) or hashes (ApprovedApplicationList). */
    record Applications(List<String> entries) implements PolicyValue {
        public Applications {
            entries = List.copyOf(entries);
        }
    }
}
