package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PropertyBagTest {

    @Test
    void getsExactTags() {
        PropertyBag bag = PropertyBag.of(PropValue.of(PR_SUBJECT, "s"), PropValue.of(PR_IMPORTANCE, 1));
        assertEquals(Optional.of(PropValue.of(PR_SUBJECT, "s")), bag.get(PR_SUBJECT));
        assertEquals(Optional.empty(), bag.get(PR_SUBJECT.withType(PropType.PT_STRING8)));
        assertEquals(Optional.empty(), bag.get(PR_BODY));
        assertEquals(2, bag.size());
        assertEquals(List.of(PropValue.of(PR_SUBJECT, "s"), PropValue.of(PR_IMPORTANCE, 1)), bag.values());
    }

    @Test
    void duplicatesAndMisfiledValuesAreRefused() {
        assertThrows(MapiException.InvalidParameter.class,
                () -> PropertyBag.of(PropValue.of(PR_SUBJECT, "a"), PropValue.of(PR_SUBJECT, "b")));
        assertThrows(MapiException.InvalidParameter.class,
                () -> new PropertyBag(Map.of(PR_BODY, PropValue.of(PR_SUBJECT, "a")), Map.of()));
    }

    @Test
    void withAndWithoutReturnCopies() {
        PropertyBag bag = PropertyBag.of(PropValue.of(PR_SUBJECT, "a"));
        PropertyBag changed = bag.with(PR_SUBJECT, "b").with(PropValue.of(PR_BODY, "x"));
        assertEquals("a", bag.get(PR_SUBJECT).orElseThrow().javaValue());
        assertEquals("b", changed.get(PR_SUBJECT).orElseThrow().javaValue());
        assertEquals(2, changed.size());
        assertEquals(1, changed.without(PR_BODY).size());
        assertEquals(bag.with(PR_SUBJECT, "b"), PropertyBag.of(PropValue.of(PR_SUBJECT, "b")));
        assertThrows(MapiException.InvalidType.class, () -> bag.with(PR_SUBJECT, 1));
    }

    @Test
    void subObjects() {
        PropertyBag alice = PropertyBag.of(PropValue.of(PR_DISPLAY_NAME, "Alice"));
        PropertyBag msg = PropertyBag.empty().withSubObjects(SubObject.RECIPIENTS, List.of(alice));
        assertEquals(List.of(alice), msg.subObjects(SubObject.RECIPIENTS));
        assertEquals(List.of(), msg.subObjects(SubObject.ATTACHMENTS));
        assertEquals(List.of(), PropertyBag.empty().subObjects(SubObject.RECIPIENTS));
        PropertySource plain = tag -> Optional.empty();
        assertEquals(List.of(), plain.subObjects(SubObject.ATTACHMENTS));
    }

    @Test
    void isImmutable() {
        List<PropValue> values = new ArrayList<>(List.of(PropValue.of(PR_SUBJECT, "a")));
        Map<SubObject, List<PropertyBag>> subs = new HashMap<>();
        List<PropertyBag> recips = new ArrayList<>(List.of(PropertyBag.empty()));
        subs.put(SubObject.RECIPIENTS, recips);
        PropertyBag bag = new PropertyBag(values, subs);
        values.clear();
        recips.clear();
        subs.clear();
        assertEquals(1, bag.size());
        assertEquals(1, bag.subObjects(SubObject.RECIPIENTS).size());
        assertThrows(UnsupportedOperationException.class, () -> bag.properties().clear());
        assertThrows(UnsupportedOperationException.class, () -> bag.children().clear());
        assertThrows(UnsupportedOperationException.class, () -> bag.subObjects(SubObject.RECIPIENTS).clear());
    }

    @Test
    void equalityByContent() {
        assertEquals(PropertyBag.of(PropValue.of(PR_SEARCH_KEY, new byte[] {1})),
                PropertyBag.of(PropValue.of(PR_SEARCH_KEY, new byte[] {1})));
        assertNotEquals(PropertyBag.of(PropValue.of(PR_SEARCH_KEY, new byte[] {1})), PropertyBag.empty());
    }
}
