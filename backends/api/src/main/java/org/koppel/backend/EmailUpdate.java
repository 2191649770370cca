package org.koppel.backend;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client may change on an email it has (Sync Change for the Email class): the read flag, the
 * follow-up flag (a cleared flag removes it), the categories. Absent fields are left alone.
 */
public record EmailUpdate(Optional<Boolean> read, Optional<Flag> flag, Optional<List<String>> categories) {
    public EmailUpdate {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(flag, "flag");
        categories = categories.map(List::copyOf);
    }

    public static EmailUpdate read(boolean read) {
        return new EmailUpdate(Optional.of(read), Optional.empty(), Optional.empty());
    }

    public static EmailUpdate flag(Flag flag) {
        return new EmailUpdate(Optional.empty(), Optional.of(flag), Optional.empty());
    }

    public static EmailUpdate categories(List<String> categories) {
        return new EmailUpdate(Optional.empty(), Optional.empty(), Optional.of(categories));
    }
}
