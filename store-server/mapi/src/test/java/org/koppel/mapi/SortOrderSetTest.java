package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortOrderSetTest {

    private static PropertyBag row(String name, String subject, Integer size) {
        List<PropValue> values = new ArrayList<>();
        values.add(PropValue.of(PR_DISPLAY_NAME, name));
        if (subject != null) {
            values.add(PropValue.of(PR_SUBJECT, subject));
        }
        if (size != null) {
            values.add(PropValue.of(PR_MESSAGE_SIZE, size));
        }
        return PropertyBag.of(values);
    }

    private static List<String> sorted(SortOrderSet set, List<PropertyBag> rows) {
        return sorted(set.comparator(), rows);
    }

    private static List<String> sorted(Comparator<PropertySource> c, List<PropertyBag> rows) {
        List<PropertyBag> copy = new ArrayList<>(rows);
        Collections.reverse(copy);
        copy.sort(c);
        return copy.stream().map(r -> (String) r.get(PR_DISPLAY_NAME).orElseThrow().javaValue()).toList();
    }

    private final List<PropertyBag> rows = List.of(
            row("r1", "beta", 10),
            row("r2", null, 30),
            row("r3", "Alpha", 30),
            row("r4", "alpha", null),
            row("r5", "gamma", 20));

    @Test
    void ascendingPutsMissingFirst() {
        // r3 and r4 tie ("Alpha", "alpha"); the sort is stable and sorted() feeds rows in reverse.
        assertEquals(List.of("r2", "r4", "r3", "r1", "r5"), sorted(SortOrderSet.of(SortOrder.ascending(PR_SUBJECT)), rows));
        assertEquals(List.of("r4", "r1", "r5", "r2", "r3"),
                sorted(SortOrderSet.of(SortOrder.ascending(PR_MESSAGE_SIZE), SortOrder.ascending(PR_DISPLAY_NAME)), rows));
    }

    @Test
    void descendingPutsMissingLast() {
        assertEquals(List.of("r3", "r2", "r5", "r1", "r4"),
                sorted(SortOrderSet.of(SortOrder.descending(PR_MESSAGE_SIZE), SortOrder.descending(PR_SUBJECT)), rows));
    }

    @Test
    void tiesGoToTheNextKey() {
        assertEquals(List.of("r2", "r3", "r4", "r1", "r5"),
                sorted(SortOrderSet.of(SortOrder.ascending(PR_SUBJECT), SortOrder.ascending(PR_DISPLAY_NAME)), rows));
        assertEquals(List.of("r2", "r4", "r3", "r1", "r5"),
                sorted(SortOrderSet.of(SortOrder.ascending(PR_SUBJECT), SortOrder.descending(PR_DISPLAY_NAME)), rows));
    }

    @Test
    void caseSensitiveVariant() {
        SortOrderSet set = SortOrderSet.of(SortOrder.ascending(PR_SUBJECT), SortOrder.ascending(PR_DISPLAY_NAME));
        assertEquals(List.of("r2", "r3", "r4", "r1", "r5"), sorted(set.comparator(PropValueOrder.CASE_SENSITIVE), rows));
        SortOrderSet byName = SortOrderSet.of(SortOrder.ascending(PR_SUBJECT), SortOrder.descending(PR_DISPLAY_NAME));
        assertEquals(List.of("r2", "r3", "r4", "r1", "r5"), sorted(byName.comparator(PropValueOrder.CASE_SENSITIVE), rows));
    }

    @Test
    void emptySetKeepsEverythingEqual() {
        Comparator<PropertySource> c = SortOrderSet.none().comparator();
        assertEquals(0, c.compare(rows.get(0), rows.get(1)));
        assertEquals(List.of(), SortOrderSet.none().keys());
    }

    @Test
    void string8KeysFindUnicodeValuesAndErrorsCountAsMissing() {
        PropertyBag err = PropertyBag.of(PropValue.of(PR_DISPLAY_NAME, "e"),
                PropValue.of(PR_SUBJECT.withType(PropType.PT_ERROR), MapiError.NOT_FOUND));
        List<PropertyBag> list = List.of(row("a", "zz", 1), err, row("b", "aa", 1));
        SortOrderSet set = SortOrderSet.of(SortOrder.ascending(PR_SUBJECT.withType(PropType.PT_STRING8)));
        assertEquals(List.of("e", "b", "a"), sorted(set, list));
    }

    @Test
    void timesSortChronologically() {
        PropertyBag early = PropertyBag.of(PropValue.of(PR_DISPLAY_NAME, "early"),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, Instant.parse("2020-01-01T00:00:00Z")));
        PropertyBag late = PropertyBag.of(PropValue.of(PR_DISPLAY_NAME, "late"),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, Instant.parse("2021-01-01T00:00:00Z")));
        assertEquals(List.of("late", "early"),
                sorted(SortOrderSet.of(SortOrder.descending(PR_MESSAGE_DELIVERY_TIME)), List.of(early, late)));
    }

    @Test
    void atMostEightKeys() {
        List<SortOrder> keys = new ArrayList<>();
        for (int i = 0; i < SortOrderSet.MAX_KEYS; i++) {
            keys.add(SortOrder.ascending(new PropTag(0x6000 + i, PropType.PT_LONG)));
        }
        assertEquals(8, new SortOrderSet(keys).keys().size());
        keys.add(SortOrder.ascending(PR_SUBJECT));
        assertThrows(MapiException.TooComplex.class, () -> new SortOrderSet(keys));
    }

    @Test
    void sortOrderValues() {
        assertEquals(new SortOrder(PR_SUBJECT, SortOrder.Direction.ASCENDING), SortOrder.ascending(PR_SUBJECT));
        assertEquals(new SortOrder(PR_SUBJECT, SortOrder.Direction.DESCENDING), SortOrder.descending(PR_SUBJECT));
        assertEquals(0, SortOrder.Direction.ASCENDING.code());
        assertEquals(1, SortOrder.Direction.DESCENDING.code());
        assertSame(SortOrder.Direction.DESCENDING, SortOrder.Direction.fromCode(1));
        assertSame(SortOrder.Direction.ASCENDING, SortOrder.Direction.fromCode(0));
        assertThrows(MapiException.TooComplex.class, () -> SortOrder.Direction.fromCode(4));
        assertThrows(NullPointerException.class, () -> new SortOrder(null, SortOrder.Direction.ASCENDING));
        assertThrows(NullPointerException.class, () -> new SortOrder(PR_SUBJECT, null));
        List<SortOrder> in = new ArrayList<>(List.of(SortOrder.ascending(PR_SUBJECT)));
        SortOrderSet set = new SortOrderSet(in);
        in.clear();
        assertEquals(1, set.keys().size());
    }
}
