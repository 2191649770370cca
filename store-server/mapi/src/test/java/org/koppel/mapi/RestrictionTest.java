package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;
import static org.koppel.mapi.Restriction.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestrictionTest {

    @Test
    void depthAndNodeCount() {
        Restriction leaf = exist(PR_SUBJECT);
        assertEquals(1, leaf.depth());
        assertEquals(1, leaf.nodeCount());
        assertEquals(1, and().depth());
        assertEquals(1, and().nodeCount());
        Restriction tree = and(or(exist(PR_SUBJECT), not(exist(PR_BODY))), recipients(eq(PR_DISPLAY_NAME, "x")), exist(PR_HTML));
        assertEquals(4, tree.depth());
        assertEquals(8, tree.nodeCount());
        assertEquals(List.of(), leaf.children());
        assertEquals(3, tree.children().size());
    }

    @Test
    void validateRefusesDeeperTrees() {
        Restriction r = exist(PR_SUBJECT);
        for (int i = 0; i < 9; i++) {
            r = not(r);
        }
        assertEquals(10, r.depth());
        Restriction.validate(r, 10);
        Restriction deep = r;
        MapiException e = assertThrows(MapiException.TooComplex.class, () -> Restriction.validate(deep, 9));
        assertEquals(MapiError.TOO_COMPLEX, e.error());
        Restriction.validate(deep, 10, 10);
        assertThrows(MapiException.TooComplex.class, () -> Restriction.validate(deep, 10, 9));
    }

    @Test
    void validationOfHugeTreesDoesNotOverflowTheStack() {
        Restriction r = exist(PR_SUBJECT);
        for (int i = 0; i < 200_000; i++) {
            r = not(r);
        }
        Restriction deep = r;
        assertThrows(MapiException.TooComplex.class, () -> Restriction.validate(deep, 64));
        assertEquals(200_001, deep.depth());
        assertEquals(200_001, deep.nodeCount());
        List<Restriction> wide = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            wide.add(exist(PR_SUBJECT));
        }
        Restriction broad = or(wide);
        assertEquals(2, broad.depth());
        assertEquals(10_001, broad.nodeCount());
        assertThrows(MapiException.TooComplex.class, () -> Restriction.validate(broad, 2, 1000));
    }

    @Test
    void logicalListsAreCopied() {
        List<Restriction> list = new ArrayList<>(List.of(exist(PR_SUBJECT)));
        And and = new And(list);
        list.add(exist(PR_BODY));
        assertEquals(1, and.restrictions().size());
        assertThrows(UnsupportedOperationException.class, () -> and.restrictions().add(exist(PR_BODY)));
        assertThrows(NullPointerException.class, () -> new Or(java.util.Arrays.asList(exist(PR_SUBJECT), null)));
        assertThrows(NullPointerException.class, () -> new Not(null));
    }

    @Test
    void factoriesBuildTheRecords() {
        assertEquals(new Property(RelOp.RELOP_EQ, PR_IMPORTANCE, PropValue.of(PR_IMPORTANCE, 2)), eq(PR_IMPORTANCE, 2));
        assertEquals(new Property(RelOp.RELOP_NE, PR_IMPORTANCE, PropValue.of(PR_IMPORTANCE, 2)), ne(PR_IMPORTANCE, 2));
        assertEquals(RelOp.RELOP_LT, ((Property) lt(PR_IMPORTANCE, 2)).op());
        assertEquals(RelOp.RELOP_LE, ((Property) le(PR_IMPORTANCE, 2)).op());
        assertEquals(RelOp.RELOP_GT, ((Property) gt(PR_IMPORTANCE, 2)).op());
        assertEquals(RelOp.RELOP_GE, ((Property) ge(PR_IMPORTANCE, 2)).op());
        assertEquals(RelOp.RELOP_RE, ((Property) regex(PR_SUBJECT, "x")).op());
        PropValue v = PropValue.of(PR_IMPORTANCE, 1);
        assertSame(v, ((Property) eq(PR_IMPORTANCE, v)).value());
        // A multi-valued tag gets a single-valued constant from a plain Java value.
        assertEquals(PropValue.of(new PropTag(0x8000, PropType.PT_LONG), 3),
                ((Property) eq(new PropTag(0x8000, PropType.PT_MV_LONG), 3)).value());
        assertEquals(new Content(PR_SUBJECT, PropValue.of(PR_SUBJECT, "x"),
                FuzzyLevel.of(FuzzyLevel.Mode.FL_SUBSTRING, FuzzyLevel.Flag.FL_IGNORECASE)), substring(PR_SUBJECT, "x", true));
        assertEquals(0x00010002, ((Content) prefix(PR_SUBJECT, "x", true)).level().value());
        assertEquals(0x00000000, ((Content) fullString(PR_SUBJECT, "x", false)).level().value());
        assertEquals(new Bitmask(BitmaskOp.BMR_NEZ, PR_MESSAGE_FLAGS, 1), bitsSet(PR_MESSAGE_FLAGS, 1));
        assertEquals(new Bitmask(BitmaskOp.BMR_EQZ, PR_MESSAGE_FLAGS, 1), bitsClear(PR_MESSAGE_FLAGS, 1));
        assertEquals(new Size(RelOp.RELOP_GT, PR_BODY, 10), size(RelOp.RELOP_GT, PR_BODY, 10));
        assertEquals(new Exist(PR_BODY), exist(PR_BODY));
        assertEquals(new CompareProps(RelOp.RELOP_EQ, PR_BODY, PR_SUBJECT), compare(RelOp.RELOP_EQ, PR_BODY, PR_SUBJECT));
        assertEquals(new SubRestriction(SubObject.RECIPIENTS, exist(PR_BODY)), recipients(exist(PR_BODY)));
        assertEquals(new SubRestriction(SubObject.ATTACHMENTS, exist(PR_BODY)), attachments(exist(PR_BODY)));
        assertEquals(new And(List.of(exist(PR_BODY))), and(List.of(exist(PR_BODY))));
        assertEquals(new Or(List.of(exist(PR_BODY))), or(List.of(exist(PR_BODY))));
        assertEquals(new Not(exist(PR_BODY)), not(exist(PR_BODY)));
    }

    @Test
    void contentNeedsStringOrBinaryOfTheSameFamily() {
        assertThrows(MapiException.TooComplex.class, () -> content(PR_IMPORTANCE, 1, FuzzyLevel.SUBSTRING));
        assertThrows(MapiException.TooComplex.class,
                () -> new Content(PR_SUBJECT, PropValue.of(PR_SEARCH_KEY, new byte[] {1}), FuzzyLevel.SUBSTRING));
        assertThrows(MapiException.TooComplex.class,
                () -> new Content(PR_SEARCH_KEY, PropValue.of(PR_SUBJECT, "x"), FuzzyLevel.SUBSTRING));
        assertThrows(MapiException.TooComplex.class, () -> new Content(PR_SUBJECT,
                PropValue.of(PR_SUBJECT.withType(PropType.PT_MV_UNICODE), List.of("x")), FuzzyLevel.SUBSTRING));
        assertThrows(MapiException.InvalidType.class, () -> content(PR_SUBJECT, 1, FuzzyLevel.SUBSTRING));
        assertDoesNotThrow(() -> new Content(PR_SUBJECT, PropValue.of(PR_SUBJECT.withType(PropType.PT_STRING8), "x"),
                FuzzyLevel.SUBSTRING));
        assertDoesNotThrow(() -> content(new PropTag(0x8000, PropType.PT_MV_BINARY), new byte[] {1}, FuzzyLevel.PREFIX));
        assertThrows(NullPointerException.class, () -> new Content(PR_SUBJECT, PropValue.of(PR_SUBJECT, "x"), null));
    }

    @Test
    void relopReNeedsStringsAndAValidPattern() {
        assertThrows(MapiException.InvalidType.class, () -> regex(PR_IMPORTANCE, "1"));
        assertThrows(MapiException.TooComplex.class,
                () -> new Property(RelOp.RELOP_RE, PR_IMPORTANCE, PropValue.of(PR_SUBJECT, "1")));
        assertThrows(MapiException.TooComplex.class,
                () -> new Property(RelOp.RELOP_RE, PR_SUBJECT, PropValue.of(PR_IMPORTANCE, 1)));
        MapiException e = assertThrows(MapiException.InvalidParameter.class, () -> regex(PR_SUBJECT, "(unclosed"));
        assertEquals(MapiError.INVALID_PARAMETER, e.error());
        assertThrows(MapiException.TooComplex.class, () -> regex(PR_SUBJECT, "a".repeat(Property.MAX_PATTERN_LENGTH + 1)));
        assertDoesNotThrow(() -> regex(PR_SUBJECT, "a".repeat(Property.MAX_PATTERN_LENGTH)));
        assertThrows(MapiException.TooComplex.class, () -> compare(RelOp.RELOP_RE, PR_SUBJECT, PR_BODY));
        assertThrows(MapiException.TooComplex.class, () -> size(RelOp.RELOP_RE, PR_SUBJECT, 1));
    }

    @Test
    void otherShapesMapiRefuses() {
        assertThrows(MapiException.TooComplex.class, () -> bitsSet(PR_MESSAGE_SIZE_EXTENDED, 1));
        assertThrows(MapiException.TooComplex.class, () -> bitsSet(new PropTag(0x8000, PropType.PT_I2), 1));
        assertThrows(MapiException.InvalidParameter.class, () -> size(RelOp.RELOP_EQ, PR_BODY, -1));
        assertThrows(NullPointerException.class, () -> new Exist(null));
        assertThrows(NullPointerException.class, () -> new SubRestriction(null, exist(PR_BODY)));
        assertThrows(NullPointerException.class, () -> new Property(null, PR_BODY, PropValue.of(PR_BODY, "")));
    }
}
