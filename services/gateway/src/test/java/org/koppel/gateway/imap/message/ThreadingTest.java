package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadingTest {

    private static ThreadMessage message(long id, String subject, String... references) {
        return new ThreadMessage(id, Optional.of("m" + id + "@x"), List.of(references), BaseSubject.of(subject),
                Instant.ofEpochSecond(id));
    }

    @Test
    void rfc5256ExampleTree() {
        List<ThreadMessage> messages = List.of(message(2, "two"), message(3, "three"),
                message(6, "Re: three", "m3@x"), message(4, "Re: three", "m3@x", "m6@x"),
                message(23, "Re: three", "m3@x", "m6@x", "m4@x"), message(44, "Re: three", "m3@x", "m6@x"),
                message(7, "Re: three", "m3@x", "m6@x", "m44@x"), message(96, "Re: three", "m3@x", "m6@x", "m44@x", "m7@x"));
        assertEquals("(2)(3 6 (4 23)(44 7 96))", ThreadNode.encode(Threading.references(messages)));
    }

    @Test
    void missingParentBecomesADummyWithSiblings() {
        List<ThreadMessage> messages = List.of(message(3, "a", "parent@x"), message(5, "b", "parent@x"));
        assertEquals("((3)(5))", ThreadNode.encode(Threading.references(messages)));
    }

    @Test
    void dummyWithOneChildIsPromoted() {
        List<ThreadMessage> messages = List.of(message(1, "a", "gone@x"), message(2, "b"));
        assertEquals("(1)(2)", ThreadNode.encode(Threading.references(messages)));
    }

    @Test
    void truncatedReferencesAreCompletedByTheLastReference() {
        // 3 lists only its direct parent; 2's references place 1 above it
        List<ThreadMessage> messages = List.of(message(1, "a"), message(3, "c", "m2@x"), message(2, "b", "m1@x"));
        assertEquals("(1 2 3)", ThreadNode.encode(Threading.references(messages)));
    }

    @Test
    void loopsAreNotCreated() {
        List<ThreadMessage> messages = List.of(message(1, "a", "m2@x"), message(2, "b", "m1@x"));
        String threads = ThreadNode.encode(Threading.references(messages));
        assertEquals(true, threads.equals("(1 2)") || threads.equals("(2 1)"), threads);
    }

    @Test
    void repliesWithoutReferencesJoinByBaseSubject() {
        List<ThreadMessage> messages = List.of(message(1, "hello"), message(2, "Re: hello"), message(3, "other"));
        assertEquals("(1 2)(3)", ThreadNode.encode(Threading.references(messages)));
    }

    @Test
    void sameSubjectWithoutReplyMarkersGetsADummyParent() {
        List<ThreadMessage> messages = List.of(message(1, "hello"), message(2, "hello"));
        assertEquals("((1)(2))", ThreadNode.encode(Threading.references(messages)));
    }

    @Test
    void duplicateMessageIdsAreKeptApart() {
        ThreadMessage a = message(1, "a");
        ThreadMessage b = new ThreadMessage(2, Optional.of("m1@x"), List.of(), BaseSubject.of("b"), Instant.ofEpochSecond(2));
        assertEquals("(1)(2)", ThreadNode.encode(Threading.references(List.of(a, b))));
    }

    @Test
    void siblingsAreOrderedBySentDate() {
        List<ThreadMessage> messages = new ArrayList<>();
        messages.add(message(1, "root"));
        messages.add(new ThreadMessage(2, Optional.of("m2@x"), List.of("m1@x"), BaseSubject.of("x"),
                Instant.ofEpochSecond(100)));
        messages.add(new ThreadMessage(3, Optional.of("m3@x"), List.of("m1@x"), BaseSubject.of("y"),
                Instant.ofEpochSecond(50)));
        assertEquals("(1 (3)(2))", ThreadNode.encode(Threading.references(messages)));
    }

    @Test
    void deepChainsNeedNoDeepStack() {
        List<ThreadMessage> messages = new ArrayList<>();
        StringBuilder expected = new StringBuilder("(");
        for (int i = 1; i <= 20_000; i++) {
            messages.add(i == 1 ? message(1, "deep") : message(i, "Re: deep", "m" + (i - 1) + "@x"));
            expected.append(i == 1 ? "" : " ").append(i);
        }
        assertEquals(expected.append(')').toString(), ThreadNode.encode(Threading.references(messages)));
    }

    @Test
    void orderedSubject() {
        List<ThreadMessage> messages = List.of(
                new ThreadMessage(1, Optional.empty(), List.of(), BaseSubject.of("a"), Instant.ofEpochSecond(10)),
                new ThreadMessage(2, Optional.empty(), List.of(), BaseSubject.of("Re: a"), Instant.ofEpochSecond(20)),
                new ThreadMessage(3, Optional.empty(), List.of(), BaseSubject.of("b"), Instant.ofEpochSecond(5)),
                new ThreadMessage(4, Optional.empty(), List.of(), BaseSubject.of("A"), Instant.ofEpochSecond(30)),
                new ThreadMessage(5, Optional.empty(), List.of(), BaseSubject.of("c"), Instant.ofEpochSecond(40)),
                new ThreadMessage(6, Optional.empty(), List.of(), BaseSubject.of("Re: c"), Instant.ofEpochSecond(50)));
        assertEquals("(3)(1 (2)(4))(5 6)", ThreadNode.encode(Threading.orderedSubject(messages)));
    }

    @Test
    void threadMessageFromHeaders() throws Exception {
        Headers headers = TestMessages.reader("nested.eml").structure().headers();
        ThreadMessage m = ThreadMessage.of(9, Instant.EPOCH, headers);
        assertEquals(Optional.of("B27397-0100000@Blurdybloop.example"), m.messageId());
        assertEquals(List.of("parent@Blurdybloop.example"), m.references());
        assertEquals(Instant.parse("1994-02-08T05:52:25Z"), m.sent());
        assertEquals(List.of("01KF8JCEOCBS0045PS@xxx.yyy.com", "a@b"),
                ThreadMessage.messageIds("<\"01KF8JCEOCBS0045PS\"@xxx.yyy.com> junk <a@b> <nonsense>"));
    }
}
