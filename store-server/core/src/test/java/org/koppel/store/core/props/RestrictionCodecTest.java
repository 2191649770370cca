package org.koppel.store.core.props;

import static org.junit.jupiter.api.Assertions.*;
import static org.koppel.mapi.PropTags.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.BitmaskOp;
import org.koppel.mapi.FuzzyLevel;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RelOp;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SubObject;

/** Restrictions survive storage exactly, and damaged bytes are refused cleanly. */
class RestrictionCodecTest {

    static Restriction everyKind() {
        return new Restriction.And(List.of(
                new Restriction.Or(List.of(
                        new Restriction.Property(RelOp.RELOP_GE, PR_MESSAGE_DELIVERY_TIME,
                                PropValue.of(PR_MESSAGE_DELIVERY_TIME, Instant.parse("2026-11-01T00:00:00Z"))),
                        new Restriction.Property(RelOp.RELOP_RE, PR_SUBJECT, PropValue.of(PR_SUBJECT, "^Re: .*")))),
                new Restriction.Not(new Restriction.Bitmask(BitmaskOp.BMR_NEZ, PR_MESSAGE_FLAGS, 1)),
                new Restriction.Content(PR_SUBJECT, PropValue.of(PR_SUBJECT, "report"),
                        FuzzyLevel.SUBSTRING.withIgnoreCase()),
                new Restriction.CompareProps(RelOp.RELOP_LT, PR_CREATION_TIME, PR_LAST_MODIFICATION_TIME),
                new Restriction.Size(RelOp.RELOP_GT, PR_BODY, 100),
                new Restriction.Exist(PR_IMPORTANCE),
                new Restriction.SubRestriction(SubObject.RECIPIENTS, new Restriction.Content(PR_DISPLAY_NAME,
                        PropValue.of(PR_DISPLAY_NAME, "Bob"), FuzzyLevel.PREFIX)),
                new Restriction.And(List.of())));
    }

    @Test
    void everyKindRoundTrips() {
        Restriction r = everyKind();
        assertEquals(r, RestrictionCodec.decode(RestrictionCodec.encode(r)));
    }

    @Test
    void tooDeepIsRefusedBothWays() {
        Restriction r = new Restriction.Exist(PR_SUBJECT);
        for (int i = 0; i < 100; i++) {
            r = new Restriction.Not(r);
        }
        Restriction deep = r;
        assertThrows(MapiException.TooComplex.class, () -> RestrictionCodec.encode(deep));
    }

    @Test
    void damagedBytesFailWithAMapiError() {
        byte[] good = RestrictionCodec.encode(everyKind());
        Random random = new Random(5);
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            byte[] bad = good.clone();
            for (int f = 0, n = 1 + random.nextInt(3); f < n; f++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(10) == 0) {
                bad = java.util.Arrays.copyOf(bad, random.nextInt(bad.length));
            }
            try {
                lengths.add(RestrictionCodec.decode(bad).nodeCount());
            } catch (MapiException expected) {
                // detected
            }
        }
        assertTrue(lengths.size() < 50_000, "some damage must be detected");
    }
}
