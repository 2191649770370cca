package org.koppel.store.client;

import java.util.List;

/** A group and the logins of its members. The built-in group "Everyone" contains every user implicitly. */
public record GroupInfo(long id, String name, String email, List<String> members) {
    public static final String EVERYONE = "Everyone";

    public GroupInfo {
        members = List.copyOf(members);
    }
}
