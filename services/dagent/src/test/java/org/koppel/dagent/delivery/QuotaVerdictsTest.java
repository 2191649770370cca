package org.koppel.dagent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.koppel.dagent.DagentFixture;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.Quota;

class QuotaVerdictsTest {

    private static final class MovingClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T12:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void roomIsBelievedBrieflyAndFullNever() {
        MovingClock clock = new MovingClock();
        QuotaVerdicts verdicts = new QuotaVerdicts(clock);
        AtomicInteger asked = new AtomicInteger();
        assertFalse(verdicts.full("Bob", () -> asked.incrementAndGet() < 0));
        assertFalse(verdicts.full("bob", () -> asked.incrementAndGet() < 0));
        assertEquals(1, asked.get(), "kept, case-insensitively");
        clock.now.set(clock.now.get().plus(QuotaVerdicts.KEEP));
        assertTrue(verdicts.full("bob", () -> asked.incrementAndGet() > 0));
        assertTrue(verdicts.full("bob", () -> asked.incrementAndGet() > 0));
        assertEquals(3, asked.get(), "a full mailbox is asked about every time");
        assertFalse(verdicts.full("bob", () -> asked.incrementAndGet() < 0));
        verdicts.forget("BOB");
        verdicts.full("bob", () -> asked.incrementAndGet() < 0);
        assertEquals(5, asked.get(), "forgotten");
    }

    /** A mailbox that fills up between RCPT checks is still refused: by the store, at DATA, and then at RCPT. */
    @Test
    void aMailboxFilledMeanwhileIsRefusedByTheStoreAndThenAtRcpt() throws Exception {
        try (DagentFixture f = DagentFixture.start()) {
            byte[] eml = "From: a@example.net\r\nTo: bob@example.org\r\nSubject: x\r\n\r\nbody\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            Resolution first = f.delivery.resolve("bob@example.org");
            assertInstanceOf(Resolution.Mailbox.class, first);
            assertTrue(f.delivery.deliver(InputStreamSource.ofBytes(eml), eml.length, "a@example.net",
                    List.of((Resolution.Mailbox) first), x -> { }).get(0).delivered());
            f.admin.quotas().set("bob", new Quota(0, 0, 1)); // bob's store is now past its hard quota
            Resolution kept = f.delivery.resolve("bob@example.org");
            assertInstanceOf(Resolution.Mailbox.class, kept, "the verdict of a moment ago");
            List<RecipientResult> r = f.delivery.deliver(InputStreamSource.ofBytes(eml), eml.length, "a@example.net",
                    List.of((Resolution.Mailbox) kept), x -> { });
            assertEquals(Outcome.MAILBOX_FULL, r.get(0).outcome());
            Resolution now = f.delivery.resolve("bob@example.org");
            assertInstanceOf(Resolution.Refused.class, now);
            assertEquals(Outcome.MAILBOX_FULL, ((Resolution.Refused) now).outcome());
        }
    }
}
