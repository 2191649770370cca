package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;
import static org.koppel.mapi.Restriction.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestrictionEvaluatorTest {

    static final PropTag CATEGORIES = new PropTag(0x8010, PropType.PT_MV_UNICODE);
    static final PropTag COUNTS = new PropTag(0x8011, PropType.PT_MV_LONG);
    static final PropTag SUBJECT8 = PR_SUBJECT.withType(PropType.PT_STRING8);
    static final PropTag STRING8_ONLY = new PropTag(0x8012, PropType.PT_STRING8);
    static final PropTag FLAG = new PropTag(0x8013, PropType.PT_BOOLEAN);
    static final PropTag RATIO = new PropTag(0x8014, PropType.PT_DOUBLE);
    static final PropTag KEY = new PropTag(0x8015, PropType.PT_CLSID);
    static final PropTag ERRORED = new PropTag(0x8016, PropType.PT_ERROR);
    static final PropTag SMALL = new PropTag(0x8017, PropType.PT_I2);
    static final PropTag BIG = new PropTag(0x8018, PropType.PT_I8);
    static final PropTag RATE = new PropTag(0x8019, PropType.PT_R4);
    static final PropTag MONEY = new PropTag(0x801A, PropType.PT_CURRENCY);
    static final PropTag WHEN = new PropTag(0x801B, PropType.PT_APPTIME);
    static final Instant DELIVERED = Instant.parse("2024-03-01T10:00:00Z");

    static final PropertyBag MESSAGE = new PropertyBag(List.of(
            PropValue.of(PR_SUBJECT, "Quarterly Report: Café numbers"),
            PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"),
            PropValue.of(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value() | MessageFlags.MSGFLAG_HASATTACH.value()),
            PropValue.of(PR_MESSAGE_SIZE, 2048),
            PropValue.of(PR_IMPORTANCE, 2),
            PropValue.of(PR_PRIORITY, 2),
            PropValue.of(PR_MESSAGE_DELIVERY_TIME, DELIVERED),
            PropValue.of(PR_CLIENT_SUBMIT_TIME, DELIVERED.minusSeconds(60)),
            PropValue.of(PR_SEARCH_KEY, new byte[] {1, 2, 3, 4, 5}),
            PropValue.of(STRING8_ONLY, "Plain Old"),
            PropValue.of(CATEGORIES, List.of("Red", "Blue Team")),
            PropValue.of(COUNTS, List.of(3, 7)),
            PropValue.of(FLAG, true),
            PropValue.of(RATIO, 0.5),
            PropValue.of(KEY, PropertySets.PS_MAPI),
            PropValue.of(ERRORED, MapiError.NOT_FOUND),
            PropValue.of(SMALL, (short) 12),
            PropValue.of(BIG, 1L << 40),
            PropValue.of(RATE, 1.5f),
            PropValue.of(MONEY, 12_3400L),
            PropValue.of(WHEN, 45000.25)),
            Map.of(SubObject.RECIPIENTS, List.of(
                    PropertyBag.of(PropValue.of(PR_DISPLAY_NAME, "Alice"), PropValue.of(PR_RECIPIENT_TYPE, 1),
                            PropValue.of(PR_SMTP_ADDRESS, "alice@example.org")),
                    PropertyBag.of(PropValue.of(PR_DISPLAY_NAME, "Bob"), PropValue.of(PR_RECIPIENT_TYPE, 2)))));

    static Stream<Arguments> cases() {
        return Stream.of(
                // content: modes and flags
                Arguments.of("fullstring exact", fullString(PR_SUBJECT, "Quarterly Report: Café numbers", false), true),
                Arguments.of("fullstring case differs", fullString(PR_SUBJECT, "quarterly report: café numbers", false), false),
                Arguments.of("fullstring ignorecase", fullString(PR_SUBJECT, "QUARTERLY REPORT: CAFÉ NUMBERS", true), true),
                Arguments.of("fullstring partial", fullString(PR_SUBJECT, "Quarterly", false), false),
                Arguments.of("substring", substring(PR_SUBJECT, "Report", false), true),
                Arguments.of("substring case differs", substring(PR_SUBJECT, "report", false), false),
                Arguments.of("substring ignorecase", substring(PR_SUBJECT, "rEPORT", true), true),
                Arguments.of("substring absent", substring(PR_SUBJECT, "Budget", true), false),
                Arguments.of("prefix", prefix(PR_SUBJECT, "Quarter", false), true),
                Arguments.of("prefix not at start", prefix(PR_SUBJECT, "Report", false), false),
                Arguments.of("prefix ignorecase", prefix(PR_SUBJECT, "QUARTER", true), true),
                Arguments.of("prefix longer than value", prefix(PR_MESSAGE_CLASS, "IPM.Note.Extra", false), false),
                Arguments.of("empty substring matches", substring(PR_SUBJECT, "", false), true),
                Arguments.of("diacritics need ignorenonspace", substring(PR_SUBJECT, "Cafe", false), false),
                Arguments.of("ignorenonspace", content(PR_SUBJECT, "Cafe",
                        FuzzyLevel.of(FuzzyLevel.Mode.FL_SUBSTRING, FuzzyLevel.Flag.FL_IGNORENONSPACE)), true),
                Arguments.of("ignorenonspace keeps case", content(PR_SUBJECT, "cafe",
                        FuzzyLevel.of(FuzzyLevel.Mode.FL_SUBSTRING, FuzzyLevel.Flag.FL_IGNORENONSPACE)), false),
                Arguments.of("loose ignores case and marks", content(PR_SUBJECT, "CAFE NUM",
                        FuzzyLevel.of(FuzzyLevel.Mode.FL_SUBSTRING, FuzzyLevel.Flag.FL_LOOSE)), true),
                Arguments.of("content on missing property", substring(PR_BODY, "", false), false),
                Arguments.of("not content on missing property", not(substring(PR_BODY, "x", false)), true),
                // string8 / unicode interchange
                Arguments.of("string8 tag finds unicode value", substring(SUBJECT8, "Report", false), true),
                Arguments.of("unicode tag finds string8 value",
                        fullString(STRING8_ONLY.withType(PropType.PT_UNICODE), "plain old", true), true),
                Arguments.of("string8 value against unicode property",
                        new Content(PR_SUBJECT, PropValue.of(SUBJECT8, "Café"), FuzzyLevel.SUBSTRING), true),
                // content on binaries
                Arguments.of("binary fullstring", content(PR_SEARCH_KEY, new byte[] {1, 2, 3, 4, 5}, FuzzyLevel.FULLSTRING), true),
                Arguments.of("binary fullstring shorter", content(PR_SEARCH_KEY, new byte[] {1, 2, 3}, FuzzyLevel.FULLSTRING), false),
                Arguments.of("binary prefix", content(PR_SEARCH_KEY, new byte[] {1, 2}, FuzzyLevel.PREFIX), true),
                Arguments.of("binary prefix wrong", content(PR_SEARCH_KEY, new byte[] {2}, FuzzyLevel.PREFIX), false),
                Arguments.of("binary prefix too long", content(PR_SEARCH_KEY, new byte[] {1, 2, 3, 4, 5, 6}, FuzzyLevel.PREFIX), false),
                Arguments.of("binary substring", content(PR_SEARCH_KEY, new byte[] {3, 4}, FuzzyLevel.SUBSTRING), true),
                Arguments.of("binary substring at end", content(PR_SEARCH_KEY, new byte[] {4, 5}, FuzzyLevel.SUBSTRING), true),
                Arguments.of("binary substring absent", content(PR_SEARCH_KEY, new byte[] {3, 5}, FuzzyLevel.SUBSTRING), false),
                Arguments.of("binary empty substring", content(PR_SEARCH_KEY, new byte[0], FuzzyLevel.SUBSTRING), true),
                // multi-valued
                Arguments.of("mv content any element", substring(CATEGORIES, "team", true), true),
                Arguments.of("mv content no element", substring(CATEGORIES, "Green", true), false),
                Arguments.of("mv content fullstring element", fullString(CATEGORIES, "Red", false), true),
                Arguments.of("mv instance: single-valued tag", fullString(CATEGORIES.withType(PropType.PT_UNICODE), "Red", false), true),
                Arguments.of("mv instance: string8 single tag", fullString(CATEGORIES.withType(PropType.PT_STRING8), "red", true), true),
                Arguments.of("mv property eq element", eq(COUNTS, 7), true),
                Arguments.of("mv property eq none", eq(COUNTS, 5), false),
                Arguments.of("mv property gt some", gt(COUNTS, 5), true),
                Arguments.of("mv property gt none", gt(COUNTS, 7), false),
                Arguments.of("mv property ne some", ne(COUNTS, 3), true),
                Arguments.of("mv instance property", eq(COUNTS.withType(PropType.PT_LONG), 3), true),
                Arguments.of("mv property whole list eq", new Property(RelOp.RELOP_EQ, COUNTS, PropValue.of(COUNTS, List.of(3, 7))), true),
                Arguments.of("mv property whole list order", new Property(RelOp.RELOP_EQ, COUNTS, PropValue.of(COUNTS, List.of(7, 3))), false),
                Arguments.of("mv property whole list lt", new Property(RelOp.RELOP_LT, COUNTS, PropValue.of(COUNTS, List.of(3, 8))), true),
                Arguments.of("mv property whole list prefix lt", new Property(RelOp.RELOP_LT, COUNTS, PropValue.of(COUNTS, List.of(3, 7, 1))), true),
                Arguments.of("mv list against single property", new Property(RelOp.RELOP_EQ, PR_IMPORTANCE,
                        PropValue.of(PR_IMPORTANCE.withType(PropType.PT_MV_LONG), List.of(2))), false),
                // property: every relop on numbers
                Arguments.of("long lt", lt(PR_MESSAGE_SIZE, 2049), true),
                Arguments.of("long lt equal", lt(PR_MESSAGE_SIZE, 2048), false),
                Arguments.of("long le", le(PR_MESSAGE_SIZE, 2048), true),
                Arguments.of("long le less", le(PR_MESSAGE_SIZE, 2047), false),
                Arguments.of("long gt", gt(PR_MESSAGE_SIZE, 2047), true),
                Arguments.of("long gt equal", gt(PR_MESSAGE_SIZE, 2048), false),
                Arguments.of("long ge", ge(PR_MESSAGE_SIZE, 2048), true),
                Arguments.of("long ge more", ge(PR_MESSAGE_SIZE, 2049), false),
                Arguments.of("long eq", eq(PR_MESSAGE_SIZE, 2048), true),
                Arguments.of("long eq other", eq(PR_MESSAGE_SIZE, 1), false),
                Arguments.of("long ne", ne(PR_MESSAGE_SIZE, 1), true),
                Arguments.of("long ne same", ne(PR_MESSAGE_SIZE, 2048), false),
                Arguments.of("negative constant", gt(PR_MESSAGE_SIZE, -5), true),
                Arguments.of("i2", eq(SMALL, (short) 12), true),
                Arguments.of("i8", gt(BIG, 1L << 39), true),
                Arguments.of("r4", lt(RATE, 2f), true),
                Arguments.of("double", eq(RATIO, 0.5), true),
                Arguments.of("double lt", lt(RATIO, 0.25), false),
                Arguments.of("currency", eq(MONEY, 12_3400L), true),
                Arguments.of("apptime", gt(WHEN, 45000.0), true),
                Arguments.of("boolean eq", eq(FLAG, true), true),
                Arguments.of("boolean gt false", gt(FLAG, false), true),
                Arguments.of("boolean lt", lt(FLAG, true), false),
                Arguments.of("clsid eq", eq(KEY, PropertySets.PS_MAPI), true),
                Arguments.of("clsid ne", ne(KEY, PropertySets.PS_PUBLIC_STRINGS), true),
                Arguments.of("systime ge", ge(PR_MESSAGE_DELIVERY_TIME, DELIVERED), true),
                Arguments.of("systime gt", gt(PR_MESSAGE_DELIVERY_TIME, DELIVERED), false),
                Arguments.of("systime lt later", lt(PR_MESSAGE_DELIVERY_TIME, DELIVERED.plusNanos(100)), true),
                Arguments.of("binary eq", eq(PR_SEARCH_KEY, new byte[] {1, 2, 3, 4, 5}), true),
                Arguments.of("binary lt unsigned", lt(PR_SEARCH_KEY, new byte[] {(byte) 0x80}), true),
                Arguments.of("binary gt prefix", gt(PR_SEARCH_KEY, new byte[] {1, 2}), true),
                Arguments.of("string eq ignores case by default", eq(PR_MESSAGE_CLASS, "ipm.note"), true),
                Arguments.of("string lt", lt(PR_MESSAGE_CLASS, "IPM.Notf"), true),
                Arguments.of("string gt", gt(PR_MESSAGE_CLASS, "ipm.appointment"), true),
                Arguments.of("string8 constant vs unicode property", eq(SUBJECT8, "quarterly report: café numbers"), true),
                // property: missing and mismatched types
                Arguments.of("property on missing", eq(PR_BODY, "x"), false),
                Arguments.of("ne on missing", ne(PR_BODY, "x"), false),
                Arguments.of("not eq on missing", not(eq(PR_BODY, "x")), true),
                Arguments.of("different type constant", new Property(RelOp.RELOP_EQ, PR_MESSAGE_SIZE,
                        PropValue.of(PR_MESSAGE_SIZE.withType(PropType.PT_I8), 2048L)), false),
                Arguments.of("different type ne", new Property(RelOp.RELOP_NE, PR_MESSAGE_SIZE,
                        PropValue.of(PR_MESSAGE_SIZE.withType(PropType.PT_I8), 1L)), false),
                Arguments.of("string constant on long", new Property(RelOp.RELOP_EQ, PR_MESSAGE_SIZE,
                        PropValue.of(PR_SUBJECT, "2048")), false),
                Arguments.of("property on error value", eq(ERRORED.withType(PropType.PT_LONG), 1), false),
                // regular expressions
                Arguments.of("regex finds", regex(PR_SUBJECT, "Rep.rt"), true),
                Arguments.of("regex anchored", regex(PR_SUBJECT, "^Report"), false),
                Arguments.of("regex case-sensitive", regex(PR_SUBJECT, "report"), false),
                Arguments.of("regex inline ignorecase", regex(PR_SUBJECT, "(?i)report"), true),
                Arguments.of("regex on mv", regex(CATEGORIES, "^Blue\\s"), true),
                Arguments.of("regex on string8", regex(STRING8_ONLY, "O+ld$"), true),
                Arguments.of("regex on missing", regex(PR_BODY, ".*"), false),
                // compare props
                Arguments.of("compare eq", compare(RelOp.RELOP_EQ, PR_IMPORTANCE, PR_PRIORITY), true),
                Arguments.of("compare ne", compare(RelOp.RELOP_NE, PR_IMPORTANCE, PR_PRIORITY), false),
                Arguments.of("compare times gt", compare(RelOp.RELOP_GT, PR_MESSAGE_DELIVERY_TIME, PR_CLIENT_SUBMIT_TIME), true),
                Arguments.of("compare times lt", compare(RelOp.RELOP_LT, PR_MESSAGE_DELIVERY_TIME, PR_CLIENT_SUBMIT_TIME), false),
                Arguments.of("compare le", compare(RelOp.RELOP_LE, PR_IMPORTANCE, PR_MESSAGE_SIZE), true),
                Arguments.of("compare string8 with unicode", compare(RelOp.RELOP_GT, STRING8_ONLY, PR_MESSAGE_CLASS), true),
                Arguments.of("compare differing types", compare(RelOp.RELOP_NE, PR_IMPORTANCE, BIG), false),
                Arguments.of("compare missing left", compare(RelOp.RELOP_NE, PR_BODY, PR_SUBJECT), false),
                Arguments.of("compare missing right", compare(RelOp.RELOP_NE, PR_SUBJECT, PR_BODY), false),
                // bitmask
                Arguments.of("bitmask nez set", bitsSet(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value()), true),
                Arguments.of("bitmask nez any of", bitsSet(PR_MESSAGE_FLAGS, 0x0008 | 0x0010), true),
                Arguments.of("bitmask nez clear", bitsSet(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_UNSENT.value()), false),
                Arguments.of("bitmask eqz clear", bitsClear(PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_UNSENT.value()), true),
                Arguments.of("bitmask eqz set", bitsClear(PR_MESSAGE_FLAGS, 0x0001), false),
                Arguments.of("bitmask zero mask eqz", bitsClear(PR_MESSAGE_FLAGS, 0), true),
                Arguments.of("bitmask zero mask nez", bitsSet(PR_MESSAGE_FLAGS, 0), false),
                Arguments.of("bitmask on missing eqz", bitsClear(PR_FLAG_STATUS, 1), false),
                Arguments.of("bitmask on missing nez", bitsSet(PR_FLAG_STATUS, 1), false),
                // size
                Arguments.of("size unicode", size(RelOp.RELOP_EQ, PR_MESSAGE_CLASS, 18), true),
                Arguments.of("size unicode gt", size(RelOp.RELOP_GT, PR_MESSAGE_CLASS, 17), true),
                Arguments.of("size string8 via unicode tag", size(RelOp.RELOP_EQ, STRING8_ONLY.withType(PropType.PT_UNICODE), 10), true),
                Arguments.of("size binary", size(RelOp.RELOP_EQ, PR_SEARCH_KEY, 5), true),
                Arguments.of("size binary lt", size(RelOp.RELOP_LT, PR_SEARCH_KEY, 5), false),
                Arguments.of("size long", size(RelOp.RELOP_EQ, PR_MESSAGE_SIZE, 4), true),
                Arguments.of("size mv", size(RelOp.RELOP_EQ, COUNTS, 8), true),
                Arguments.of("size mv strings", size(RelOp.RELOP_EQ, CATEGORIES, 8 + 20), true),
                Arguments.of("size missing", size(RelOp.RELOP_GE, PR_BODY, 0), false),
                Arguments.of("size ne", size(RelOp.RELOP_NE, PR_SEARCH_KEY, 5), false),
                // exist
                Arguments.of("exist", exist(PR_SUBJECT), true),
                Arguments.of("exist other string type", exist(SUBJECT8), true),
                Arguments.of("exist missing", exist(PR_BODY), false),
                Arguments.of("exist wrong type", exist(PR_MESSAGE_SIZE.withType(PropType.PT_I8)), false),
                Arguments.of("exist error value", exist(ERRORED), false),
                Arguments.of("not exist", not(exist(PR_BODY)), true),
                // logic
                Arguments.of("empty and", and(), true),
                Arguments.of("empty or", or(), false),
                Arguments.of("and true true", and(exist(PR_SUBJECT), eq(PR_IMPORTANCE, 2)), true),
                Arguments.of("and true false", and(exist(PR_SUBJECT), eq(PR_IMPORTANCE, 1)), false),
                Arguments.of("or false true", or(exist(PR_BODY), eq(PR_IMPORTANCE, 2)), true),
                Arguments.of("or false false", or(exist(PR_BODY), eq(PR_IMPORTANCE, 1)), false),
                Arguments.of("not not", not(not(exist(PR_SUBJECT))), true),
                Arguments.of("nested", and(or(exist(PR_BODY), not(exist(PR_HTML))), substring(PR_SUBJECT, "report", true)), true),
                // sub-objects
                Arguments.of("recipient matches", recipients(eq(PR_DISPLAY_NAME, "bob")), true),
                Arguments.of("recipient and within one", recipients(and(eq(PR_DISPLAY_NAME, "Bob"),
                        eq(PR_RECIPIENT_TYPE, RecipientType.MAPI_CC.code()))), true),
                Arguments.of("recipient and across two", recipients(and(eq(PR_DISPLAY_NAME, "Bob"),
                        eq(PR_RECIPIENT_TYPE, RecipientType.MAPI_TO.code()))), false),
                Arguments.of("recipient none", recipients(eq(PR_DISPLAY_NAME, "Carol")), false),
                Arguments.of("no attachments", attachments(exist(PR_ATTACH_NUM)), false),
                Arguments.of("not any attachment", not(attachments(exist(PR_ATTACH_NUM))), true),
                Arguments.of("empty and on no sub-objects", attachments(and()), false),
                Arguments.of("sub-restriction sees only the sub-object", recipients(exist(PR_SUBJECT)), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluates(String name, Restriction r, boolean expected) {
        assertEquals(expected, r.matches(MESSAGE), name);
        assertEquals(expected, RestrictionEvaluator.DEFAULT.matches(r, MESSAGE), name);
        assertEquals(!expected, not(r).matches(MESSAGE), name);
    }

    @Test
    void caseSensitiveEvaluatorComparesStringsExactly() {
        RestrictionEvaluator exact = new RestrictionEvaluator(PropValueOrder.CASE_SENSITIVE);
        assertSame(PropValueOrder.CASE_SENSITIVE, exact.order());
        assertFalse(exact.matches(eq(PR_MESSAGE_CLASS, "ipm.note"), MESSAGE));
        assertTrue(exact.matches(eq(PR_MESSAGE_CLASS, "IPM.Note"), MESSAGE));
        assertTrue(exact.matches(lt(PR_MESSAGE_CLASS, "ipm.note"), MESSAGE));
        assertFalse(RestrictionEvaluator.DEFAULT.matches(lt(PR_MESSAGE_CLASS, "ipm.note"), MESSAGE));
        assertThrows(NullPointerException.class, () -> new RestrictionEvaluator(null));
    }

    @Test
    void ignoreCaseFoldsWithoutTheServerLocale() {
        PropertyBag turkish = PropertyBag.of(PropValue.of(PR_SUBJECT, "TITLE Straße"));
        assertTrue(substring(PR_SUBJECT, "title", true).matches(turkish));
        assertTrue(substring(PR_SUBJECT, "STRASSE", true).matches(turkish));
        assertFalse(substring(PR_SUBJECT, "STRASSE", false).matches(turkish));
    }

    @Test
    void sizesFollowTheDocumentedRules() {
        PropTag t = new PropTag(0x6000, PropType.PT_LONG);
        assertEquals(2, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_I2), 1)));
        assertEquals(4, RestrictionEvaluator.size(PropValue.of(t, 1)));
        assertEquals(4, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_R4), 1f)));
        assertEquals(8, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_DOUBLE), 1d)));
        assertEquals(8, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_APPTIME), 1d)));
        assertEquals(8, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_CURRENCY), 1L)));
        assertEquals(8, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_I8), 1L)));
        assertEquals(8, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_SYSTIME), Instant.EPOCH)));
        assertEquals(1, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_BOOLEAN), true)));
        assertEquals(16, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_CLSID), PropertySets.PS_MAPI)));
        assertEquals(4, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_ERROR), MapiError.NOT_FOUND)));
        assertEquals(0, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_BINARY), new byte[0])));
        assertEquals(2, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_UNICODE), "")));
        assertEquals(6, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_UNICODE), "ab")));
        // A character outside the BMP is two UTF-16 code units.
        assertEquals(6, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_UNICODE), "𝄞")));
        assertEquals(1, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_STRING8), "")));
        assertEquals(4, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_STRING8), "äb")));
        assertEquals(0, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_MV_BINARY), List.of())));
        assertEquals(3, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_MV_BINARY),
                List.of(new byte[] {1}, new byte[] {1, 2}))));
        assertEquals(32, RestrictionEvaluator.size(PropValue.of(t.withType(PropType.PT_MV_CLSID),
                List.of(PropertySets.PS_MAPI, PropertySets.PS_MAPI))));
    }

    @Test
    void catastrophicRegexIsStoppedWithTooComplex() {
        // Nested quantifiers over .* backtrack exponentially even with the JDK's loop memoization.
        PropertyBag bag = PropertyBag.of(PropValue.of(PR_SUBJECT, "a".repeat(30) + "!"));
        Restriction evil = regex(PR_SUBJECT, "^(.*a){20}$");
        MapiException e = assertThrows(MapiException.TooComplex.class, () -> evil.matches(bag));
        assertEquals(MapiError.TOO_COMPLEX, e.error());
        assertTrue(regex(PR_SUBJECT, "^(a+)+!$").matches(bag));
    }

    @Test
    void sourcesThatReturnOtherTypesOrErrorsCountAsMissing() {
        PropertySource liar = tag -> Optional.of(PropValue.of(new PropTag(tag.id(), PropType.PT_I8), 5L));
        assertFalse(eq(PR_MESSAGE_SIZE, 5).matches(liar));
        assertFalse(exist(PR_MESSAGE_SIZE).matches(liar));
        assertTrue(exist(PR_MESSAGE_SIZE.withType(PropType.PT_I8)).matches(liar));
        PropertySource errors = tag -> Optional.of(PropValue.of(tag.withType(PropType.PT_ERROR), MapiError.NO_ACCESS));
        assertFalse(exist(PR_SUBJECT).matches(errors));
        assertFalse(substring(PR_SUBJECT, "", false).matches(errors));
        assertFalse(recipients(exist(PR_SUBJECT)).matches(errors));
    }

    @Test
    void unicodeTagPrefersItsExactValueOverTheString8One() {
        PropertyBag both = PropertyBag.of(PropValue.of(PR_SUBJECT, "wide"), PropValue.of(SUBJECT8, "narrow"));
        assertTrue(eq(PR_SUBJECT, "wide").matches(both));
        assertTrue(eq(SUBJECT8, "narrow").matches(both));
        assertFalse(eq(PR_SUBJECT, "narrow").matches(both));
    }
}
