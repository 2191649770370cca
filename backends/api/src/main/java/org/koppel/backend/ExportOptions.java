package org.koppel.backend;

import java.util.List;
import java.util.Objects;

/**
 * How to export a folder's changes: the time window, the most changes per page (the Sync WindowSize after
 * the gateway's cap), and the body preferences for the items that come with additions and changes (empty:
 * items without a body).
 */
public record ExportOptions(FilterType filter, int maxChanges, List<BodyPreference> bodyPreferences) {

    public ExportOptions {
        Objects.requireNonNull(filter, "filter");
        if (maxChanges < 1) {
            throw new IllegalArgumentException("maxChanges must be positive");
        }
        bodyPreferences = List.copyOf(bodyPreferences);
    }
}
