package org.koppel.backend;

import java.util.List;
import java.util.Objects;

/**
 * Search (GAL store), Find (GAL) and ResolveRecipients: looking people up in the organisation's directory.
 * Optional.
 */
public interface GlobalAddressList {

    /**
     * One person (or shared mailbox, or group) of the directory, in the fields of the GAL namespace of
     * MS-ASCMD; a field the directory does not hold is empty.
     */
    record Entry(String displayName, String email, String alias, String firstName, String lastName, String phone,
            String office, String title, String company, String homePhone, String mobilePhone) {

        public Entry {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(email, "email");
            alias = alias == null ? "" : alias;
            firstName = firstName == null ? "" : firstName;
            lastName = lastName == null ? "" : lastName;
            phone = phone == null ? "" : phone;
            office = office == null ? "" : office;
            title = title == null ? "" : title;
            company = company == null ? "" : company;
            homePhone = homePhone == null ? "" : homePhone;
            mobilePhone = mobilePhone == null ? "" : mobilePhone;
        }

        /** An entry the directory knows by name, address and alias only. */
        public static Entry of(String displayName, String email, String alias) {
            return new Entry(displayName, email, alias, "", "", "", "", "", "", "", "");
        }
    }

    /**
     * The entries any of whose names, words of names, addresses or aliases start with {@code query}
     * (case-insensitively), sorted by display name; at most {@code maxResults}.
     */
    List<Entry> find(String query, int maxResults);

    /**
     * The entries a recipient as typed resolves to: the one whose address or alias is exactly
     * {@code recipient} (case-insensitively) if there is one, else those {@link #find} gives, at most
     * {@code maxResults}.
     */
    List<Entry> resolve(String recipient, int maxResults);
}
