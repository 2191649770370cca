package org.koppel.store.client;

/**
 * A search folder's criteria and whether its results are still being built ({@code running}; a
 * SEARCH_COMPLETE notification follows when they are done). Once built, results follow every change.
 */
public record SearchState(SearchCriteria criteria, boolean running) {
}
