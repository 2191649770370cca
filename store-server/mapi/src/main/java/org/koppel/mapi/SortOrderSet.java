package org.koppel.mapi;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sort keys of a table, most significant first. At most {@link #MAX_KEYS} keys are accepted: more is
 * MAPI_E_TOO_COMPLEX, which bounds the work per row comparison; Outlook's views use far fewer.
 */
public record SortOrderSet(List<SortOrder> keys) {

    public static final int MAX_KEYS = 8;

    private static final SortOrderSet NONE = new SortOrderSet(List.of());

    public SortOrderSet {
        keys = List.copyOf(keys);
        if (keys.size() > MAX_KEYS) {
            throw new MapiException.TooComplex("more than " + MAX_KEYS + " sort keys");
        }
    }

    public static SortOrderSet of(SortOrder... keys) {
        return new SortOrderSet(Arrays.asList(keys));
    }

    public static SortOrderSet none() {
        return NONE;
    }

    /** The order with MAPI's default, case-insensitive string comparison. */
    public Comparator<PropertySource> comparator() {
        return comparator(PropValueOrder.CASE_INSENSITIVE);
    }

    /**
     * Compares objects key by key. An object without the key's property (or with a PT_ERROR in its place)
     * sorts before every object with it when ascending, after when descending; a value of a type the key
     * cannot be compared with counts as missing. Ties go to the next key; objects equal on all keys compare 0.
     */
    public Comparator<PropertySource> comparator(PropValueOrder order) {
        return (a, b) -> {
            for (SortOrder key : keys) {
                int c = compareOn(key.tag(), order, a, b);
                if (c != 0) {
                    return key.direction() == SortOrder.Direction.ASCENDING ? c : -c;
                }
            }
            return 0;
        };
    }

    private static int compareOn(PropTag tag, PropValueOrder order, PropertySource a, PropertySource b) {
        Optional<PropValue> va = RestrictionEvaluator.lookup(a, tag);
        Optional<PropValue> vb = RestrictionEvaluator.lookup(b, tag);
        if (va.isEmpty() || vb.isEmpty()) {
            return Boolean.compare(va.isPresent(), vb.isPresent());
        }
        return order.compare(va.get(), vb.get());
    }
}
