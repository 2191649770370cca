package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExtendedRuleWireTest {

    private static final Guid STORE = Guid.parse("00112233-4455-6677-8899-aabbccddeeff");

    private static Restriction everyKind() {
        PropTag named = new PropTag(0x8001, PropType.PT_MV_UNICODE);
        return Restriction.and(
                Restriction.or(Restriction.substring(PropTags.PR_SUBJECT, "Invoice", true),
                        Restriction.fullString(PropTags.PR_SENDER_EMAIL_ADDRESS, "a@example.com", true)),
                Restriction.not(Restriction.exist(PropTags.PR_BODY)),
                Restriction.gt(PropTags.PR_MESSAGE_SIZE, 1000),
                Restriction.eq(PropTags.PR_HASATTACH, true),
                Restriction.eq(named, "Work"),
                Restriction.eq(new PropTag(0x0039, PropType.PT_SYSTIME), Instant.parse("2024-05-01T10:00:00Z")),
                Restriction.content(new PropTag(0x0FFF, PropType.PT_BINARY), new byte[] {1, 2, 3}, FuzzyLevel.PREFIX),
                Restriction.compare(RelOp.RELOP_NE, PropTags.PR_SUBJECT, PropTags.PR_BODY),
                Restriction.bitsSet(PropTags.PR_MESSAGE_FLAGS, 1),
                Restriction.size(RelOp.RELOP_LT, PropTags.PR_BODY, 20),
                Restriction.recipients(Restriction.substring(PropTags.PR_SMTP_ADDRESS, "boss", true)),
                Restriction.eq(PropTags.PR_IMPORTANCE, 2));
    }

    private static List<RuleAction> everyAction() {
        EntryId store = EntryId.of(STORE, MapiObjectType.MAPI_STORE, 1);
        EntryId folder = EntryId.of(STORE, MapiObjectType.MAPI_FOLDER, 42);
        return List.of(new RuleAction.Move(store, folder), new RuleAction.Copy(store, folder),
                new RuleAction.Reply(EntryId.of(STORE, MapiObjectType.MAPI_MESSAGE, 7), STORE, 0),
                RuleAction.Forward.to(List.of("x@example.org", "y@example.net"),
                        RuleAction.Forward.FWD_AS_ATTACHMENT),
                new RuleAction.Tag(PropValue.of(PropTags.PR_IMPORTANCE, 2)),
                new RuleAction.Tag(PropValue.of(new PropTag(0x8001, PropType.PT_MV_UNICODE), List.of("Work", "Red"))),
                new RuleAction.Delete(), new RuleAction.MarkAsRead());
    }

    private static final Map<Integer, NamedProperty> NAMES = Map.of(0x8001,
            NamedProperty.name(Guid.parse("00020329-0000-0000-c000-000000000046"), "Keywords"));

    @Test
    void conditionsRoundTrip() {
        byte[] wire = ExtendedRuleWire.encodeCondition(everyKind(), NAMES);
        ExtendedRuleWire.Decoded<Restriction> back = ExtendedRuleWire.decodeCondition(wire);
        assertEquals(everyKind(), back.value());
        assertEquals(NAMES, back.names());
        assertEquals(everyKind(), RestrictionWire.decode(RestrictionWire.encode(everyKind())));
    }

    @Test
    void actionsRoundTrip() {
        byte[] wire = ExtendedRuleWire.encodeActions(everyAction(), NAMES);
        List<RuleAction> back = ExtendedRuleWire.decodeActions(wire).value();
        assertEquals(everyAction().size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            // records holding byte arrays compare by identity; their wire forms must be equal
            assertArrayEquals(ExtendedRuleWire.encodeActions(List.of(everyAction().get(i)), Map.of()),
                    ExtendedRuleWire.encodeActions(List.of(back.get(i)), Map.of()));
        }
        RuleAction.Forward f = (RuleAction.Forward) back.get(3);
        assertEquals(List.of("x@example.org", "y@example.net"), f.addresses());
        assertEquals(true, f.asAttachment());
    }

    /** The documented layout: a restriction of one Exist is 0x08 and the tag, little-endian. */
    @Test
    void wireLayoutFollowsTheSpecification() {
        assertArrayEquals(new byte[] {0x08, 0x03, 0x00, 0x17, 0x00}, RestrictionWire.encode(
                Restriction.exist(PropTags.PR_IMPORTANCE)));
        byte[] cond = ExtendedRuleWire.encodeCondition(Restriction.exist(PropTags.PR_IMPORTANCE), Map.of());
        // NoOfNamedProps (2 bytes) = 0, NamedPropertiesSize (4 bytes) = 0, then the restriction
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0x08, 0x03, 0x00, 0x17, 0x00}, cond);
        byte[] actions = ExtendedRuleWire.encodeActions(List.of(new RuleAction.MarkAsRead()), Map.of());
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0, 0x0B, 0, 0, 0, 0, 0, 0,
                0, 0}, actions);
    }

    @Test
    void everyPrefixAndMutationIsACleanError() {
        byte[] cond = ExtendedRuleWire.encodeCondition(everyKind(), NAMES);
        byte[] acts = ExtendedRuleWire.encodeActions(everyAction(), NAMES);
        for (int n = 0; n < cond.length; n++) {
            byte[] prefix = Arrays.copyOf(cond, n);
            assertThrows(MapiException.class, () -> ExtendedRuleWire.decodeCondition(prefix));
        }
        for (int n = 0; n < acts.length; n++) {
            byte[] prefix = Arrays.copyOf(acts, n);
            assertThrows(MapiException.class, () -> ExtendedRuleWire.decodeActions(prefix));
        }
        Random random = new Random(6);
        for (int i = 0; i < 100_000; i++) {
            byte[] bad = (i % 2 == 0 ? cond : acts).clone();
            for (int k = random.nextInt(4); k >= 0; k--) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            try {
                if (i % 2 == 0) {
                    ExtendedRuleWire.decodeCondition(bad);
                } else {
                    ExtendedRuleWire.decodeActions(bad);
                }
            } catch (MapiException expected) {
                // a clean refusal
            } catch (RuntimeException e) {
                fail("mutation " + i + " escaped as " + e, e);
            }
        }
    }

    @Test
    void deepTreesAreRefused() {
        Restriction r = Restriction.exist(PropTags.PR_SUBJECT);
        for (int i = 0; i < RestrictionWire.MAX_DEPTH + 1; i++) {
            r = Restriction.not(r);
        }
        Restriction deep = r;
        assertThrows(MapiException.TooComplex.class, () -> RestrictionWire.encode(deep));
    }
}
