package org.koppel.backend;

import java.util.List;

/** Search (GAL store) and ResolveRecipients: looking people up in the organisation's directory. Optional. */
public interface GlobalAddressList {

    record Entry(String displayName, String email, String phone, String company, String title) {
    }

    List<Entry> find(String query, int maxResults);
}
